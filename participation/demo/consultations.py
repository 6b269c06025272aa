"""Demo consultations: eleven public consultations on the City of Ghent's international plans.

Plain data, written anew in nl, en and fr from the City of Ghent's own texts on its
international policy (see the seeds). Days are relative to the day the demo is seeded.
The "technologiehoofdstad" consultation deliberately has no French body, plain summary or
phase names, so that the Dutch fallback can be demonstrated.
"""

CONSULTATIONS = [
    # ------------------------------------------------------------------ 1. open
    {
        "slug": "groene-deal-gent",
        "state": "open",
        "themes": ["climate-green-deal", "sdgs"],
        "networks": ["eurocities", "covenant-of-mayors", "climate-alliance"],
        "opens_days": -14,
        "closes_days": 42,
        "title": {
            "nl": "Hoe brengen we de Europese Green Deal naar de Gentse wijken?",
            "en": "How do we bring the European Green Deal to Ghent's neighbourhoods?",
            "fr": "Comment traduire le pacte vert pour l'Europe dans les quartiers gantois ?",
        },
        "summary": {
            "nl": "Europa wil een klimaatneutraal continent worden. De stad Gent wil de Europese Green Deal "
            "omzetten in concrete projecten in de wijken en vraagt de inwoners waar ze moet beginnen.",
            "en": "Europe wants to become a climate-neutral continent. The City of Ghent wants to turn the European "
            "Green Deal into concrete projects in its neighbourhoods and asks residents where to start.",
            "fr": "L'Europe veut devenir un continent neutre pour le climat. La Ville de Gand souhaite traduire le "
            "pacte vert en projets concrets dans les quartiers et demande aux habitants par où commencer.",
        },
        "plain_summary": {
            "nl": "Europa heeft een groot plan voor het klimaat: de Green Deal. Gent wil dat plan ook in de wijken "
            "gebruiken, bijvoorbeeld voor meer groen, betere fietspaden en zuinige huizen. "
            "Zeg ons wat voor jou het belangrijkst is.",
            "en": "Europe has a big plan for the climate: the Green Deal. Ghent wants to use this plan in its "
            "neighbourhoods too, for example for more green spaces, better cycle paths and energy-saving homes. "
            "Tell us what matters most to you.",
            "fr": "L'Europe a un grand plan pour le climat : le pacte vert. Gand veut aussi utiliser ce plan dans ses "
            "quartiers, par exemple pour plus de verdure, de meilleures pistes cyclables et des logements "
            "économes en énergie. Dites-nous ce qui compte le plus pour vous.",
        },
        "body": {
            "nl": """\
Met de Europese Green Deal wil de Europese Unie tegen 2050 klimaatneutraal zijn. De stad Gent heeft zich hetzelfde doel gesteld. Europa trekt daarvoor middelen uit, bijvoorbeeld via het Europees Fonds voor Regionale Ontwikkeling (EFRO). Maar een Europees plan wordt pas echt wanneer je het in je eigen straat ziet: een geïsoleerde woning, een schaduwrijk plein, een veilige fietsroute. Daarom wil de stad samen met de inwoners bepalen waar de Green Deal in Gent het eerst het verschil moet maken.

## Wat stelt de stad voor?

De stad wil Europese middelen en Gentse plannen bundelen rond een paar duidelijke thema's:

- woningen energiezuinig renoveren, met aandacht voor huurders;
- meer groen en water in de wijken om hitte en wateroverlast op te vangen;
- fietsen, openbaar vervoer en deelmobiliteit;
- een circulaire economie met minder afval;
- lokaal en duurzaam voedsel.

Gent zoekt daarbij ook kennis en partners in Europese stedennetwerken zoals Eurocities, het Burgemeestersconvenant en Climate Alliance.

## Wat vragen we je?

Welke thema's moeten voorrang krijgen? Waar zie je kansen in jouw buurt? En hoe wil je zelf betrokken worden bij projecten? Je kunt online antwoorden, reageren op de ideeën van anderen of deelnemen aan een webinar of een buurtatelier.

Na de bevraging bundelen we alle reacties in een verslag dat je op dit platform kunt lezen. Het stadsbestuur gebruikt dat verslag om te kiezen welke projecten Gent bij Europa indient en welke wijken het eerst aan de beurt zijn.""",
            "en": """\
Through the European Green Deal, the European Union aims to be climate neutral by 2050, and the City of Ghent has set itself the same goal. Europe is putting money behind this ambition, for instance through the European Regional Development Fund (ERDF). Yet a European plan only becomes real when you can see it in your own street: an insulated home, a shady square, a safe cycle route. That is why the city wants to decide together with residents where the Green Deal should make a difference first.

## What does the city propose?

The city wants to combine European funding and its own plans around a few clear themes:

- energy-saving renovation of homes, with attention to tenants;
- more greenery and water in the neighbourhoods to cope with heat and flooding;
- cycling, public transport and shared mobility;
- a circular economy with less waste;
- local and sustainable food.

To do this, Ghent also draws on the knowledge and partners of European city networks such as Eurocities, the Covenant of Mayors and Climate Alliance.

## What are we asking you?

Which themes should come first? Where do you see opportunities in your neighbourhood? And how would you like to be involved in projects? You can answer online, respond to other people's ideas, or join a webinar or a neighbourhood workshop.

After the consultation, we will bring all responses together in a report that you can read on this platform. The city government will use it to choose which projects Ghent submits to Europe and which neighbourhoods come first.""",
            "fr": """\
Avec le pacte vert pour l'Europe, l'Union européenne vise la neutralité climatique d'ici 2050, et la Ville de Gand s'est fixé le même objectif. L'Europe y consacre des moyens, par exemple via le Fonds européen de développement régional (FEDER). Mais un plan européen ne devient réel que lorsqu'on le voit dans sa propre rue : un logement isolé, une place ombragée, un itinéraire cyclable sûr. C'est pourquoi la Ville veut décider avec les habitants où le pacte vert doit faire la différence en premier.

## Que propose la Ville ?

La Ville souhaite regrouper les financements européens et ses propres projets autour de quelques thèmes clairs :

- la rénovation énergétique des logements, avec une attention particulière pour les locataires ;
- plus de verdure et d'eau dans les quartiers pour faire face à la chaleur et aux inondations ;
- le vélo, les transports en commun et la mobilité partagée ;
- une économie circulaire qui produit moins de déchets ;
- une alimentation locale et durable.

Pour y parvenir, Gand s'appuie aussi sur l'expertise et les partenaires de réseaux européens de villes comme Eurocities, la Convention des maires et l'Alliance pour le climat.

## Que vous demandons-nous ?

Quels thèmes doivent passer en premier ? Où voyez-vous des possibilités dans votre quartier ? Et comment souhaitez-vous être associé aux projets ? Vous pouvez répondre en ligne, réagir aux idées des autres ou participer à un webinaire ou à un atelier de quartier.

À l'issue de la consultation, nous rassemblerons toutes les réactions dans un rapport que vous pourrez lire sur cette plateforme. Les autorités communales s'en serviront pour choisir les projets que Gand soumettra à l'Europe et les quartiers qui passeront en premier.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging, webinar en buurtatelier",
                    "en": "Online consultation, webinar and neighbourhood workshop",
                    "fr": "Consultation en ligne, webinaire et atelier de quartier",
                },
                "starts_days": -14,
                "ends_days": 42,
            },
            {
                "name": {
                    "nl": "Verwerking van de reacties en verslag",
                    "en": "Processing the responses and report",
                    "fr": "Analyse des réactions et rapport",
                },
                "starts_days": 43,
                "ends_days": 75,
            },
            {
                "name": {
                    "nl": "Beslissing van het stadsbestuur",
                    "en": "Decision by the city government",
                    "fr": "Décision des autorités communales",
                },
                "starts_days": 90,
                "ends_days": 90,
            },
        ],
    },
    # ------------------------------------------------------------------ 2. closed, no results yet
    {
        "slug": "eu-klimaatplan",
        "state": "closed",
        "themes": ["climate-green-deal"],
        "networks": ["eurocities", "covenant-of-mayors", "iclei"],
        "opens_days": -75,
        "closes_days": -14,
        "title": {
            "nl": "Klimaatneutraal tegen 2050: wat vraagt het Europese klimaatplan van Gent?",
            "en": "Climate neutral by 2050: what does the EU climate plan ask of Ghent?",
            "fr": "Neutralité climatique d'ici 2050 : qu'attend le plan climat européen de Gand ?",
        },
        "summary": {
            "nl": "De stad Gent wil net als Europa klimaatneutraal zijn tegen 2050. We vroegen de inwoners hoe Gent "
            "op het Europese klimaatplan moet reageren en welke maatregelen voorrang verdienen.",
            "en": "Like Europe, the City of Ghent aims to be climate neutral by 2050. We asked residents how Ghent "
            "should respond to the EU climate plan and which measures deserve priority.",
            "fr": "Comme l'Europe, la Ville de Gand vise la neutralité climatique d'ici 2050. Nous avons demandé aux "
            "habitants comment Gand doit réagir au plan climat européen et quelles mesures sont prioritaires.",
        },
        "plain_summary": None,
        "body": {
            "nl": """\
Europa heeft een klimaatplan uitgewerkt om de uitstoot van broeikasgassen sterk te verminderen en tegen 2050 klimaatneutraal te zijn. De stad Gent heeft zich hetzelfde doel gesteld: het was een van de vier internationale topprioriteiten in de beleidsperiode 2019-2024. Europese regels en middelen bepalen voor een groot deel wat een stad lokaal kan doen, van de renovatie van gebouwen tot de manier waarop we ons verplaatsen. Daarom wilde de stad weten hoe de inwoners naar dat Europese kader kijken.

## Waarover ging de bevraging?

We legden drie vragen voor:

- Is 2050 als streefjaar te laat, haalbaar of te ambitieus?
- Welke maatregelen moeten als eerste Europese en stedelijke steun krijgen: isolatie, hernieuwbare energie, fietsen en openbaar vervoer, of vergroening?
- Helpen Europese klimaatregels Gent om lokaal meer te doen?

Naast de online vragenlijst organiseerde de stad een burgerpanel. Daar praatten inwoners in kleine groepen door over de gevolgen voor hun woning, hun straat en hun werk.

## Wat gebeurt er nu?

De bevraging is afgesloten. De stad analyseert nu alle antwoorden, de reacties en de conclusies van het burgerpanel. Binnenkort publiceren we de resultaten op deze pagina, samen met wat de stad ermee doet. De resultaten gaan onder meer naar de Gentse inbreng in Eurocities en het Burgemeestersconvenant, waar steden samen hun stem laten horen in het Europese klimaatbeleid.""",
            "en": """\
Europe has drawn up a climate plan to cut greenhouse gas emissions sharply and become climate neutral by 2050. The City of Ghent has set itself the same goal: it was one of the four international top priorities of the 2019-2024 policy period. European rules and funding largely determine what a city can do locally, from renovating buildings to the way we get around. That is why the city wanted to know how residents see this European framework.

## What was the consultation about?

We asked three questions:

- Is 2050 too late, realistic or too ambitious as a target year?
- Which measures should be first in line for European and city support: insulation, renewable energy, cycling and public transport, or greening?
- Do European climate rules help Ghent to do more locally?

Alongside the online questionnaire, the city held a citizens' panel. There, residents discussed in small groups what this means for their homes, their streets and their work.

## What happens now?

The consultation has closed. The city is now analysing all answers, comments and the conclusions of the citizens' panel. We will soon publish the results on this page, together with what the city intends to do with them. Among other things, they will feed into Ghent's contribution to Eurocities and the Covenant of Mayors, where cities make their voices heard together in European climate policy.""",
            "fr": """\
L'Europe a élaboré un plan climat pour réduire fortement les émissions de gaz à effet de serre et atteindre la neutralité climatique d'ici 2050. La Ville de Gand s'est fixé le même objectif : c'était l'une des quatre grandes priorités internationales de la législature 2019-2024. Les règles et les financements européens déterminent en grande partie ce qu'une ville peut faire à son niveau, de la rénovation des bâtiments à notre manière de nous déplacer. La Ville voulait donc savoir comment les habitants perçoivent ce cadre européen.

## Sur quoi portait la consultation ?

Nous avons posé trois questions :

- L'échéance de 2050 est-elle trop tardive, réaliste ou trop ambitieuse ?
- Quelles mesures doivent recevoir en priorité un soutien européen et communal : l'isolation, les énergies renouvelables, le vélo et les transports en commun, ou la végétalisation ?
- Les règles climatiques européennes aident-elles Gand à en faire davantage au niveau local ?

En plus du questionnaire en ligne, la Ville a organisé un panel citoyen. Des habitants y ont discuté en petits groupes des conséquences pour leur logement, leur rue et leur travail.

## Et maintenant ?

La consultation est clôturée. La Ville analyse à présent toutes les réponses, les réactions et les conclusions du panel citoyen. Nous publierons prochainement les résultats sur cette page, avec la suite que la Ville compte leur donner. Ils nourriront notamment la contribution de Gand au sein d'Eurocities et de la Convention des maires, où les villes font entendre ensemble leur voix dans la politique climatique européenne.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en burgerpanel",
                    "en": "Online consultation and citizens' panel",
                    "fr": "Consultation en ligne et panel citoyen",
                },
                "starts_days": -75,
                "ends_days": -14,
            },
            {
                "name": {
                    "nl": "Analyse van de antwoorden",
                    "en": "Analysis of the answers",
                    "fr": "Analyse des réponses",
                },
                "starts_days": -13,
                "ends_days": 20,
            },
            {
                "name": {
                    "nl": "Publicatie van de resultaten",
                    "en": "Publication of the results",
                    "fr": "Publication des résultats",
                },
                "starts_days": 30,
                "ends_days": 30,
            },
        ],
    },
    # ------------------------------------------------------------------ 3. results
    {
        "slug": "toekomst-van-europa",
        "state": "results",
        "themes": ["future-of-europe"],
        "networks": ["eurocities", "incubator-network-for-participative-democracy", "global-parliament-of-mayors"],
        "opens_days": -110,
        "closes_days": -55,
        "title": {
            "nl": "De toekomst van Europa: wat verwachten de inwoners van Gent van de EU?",
            "en": "The future of Europe: what do Ghent's residents expect from the EU?",
            "fr": "L'avenir de l'Europe : qu'attendent les habitants de Gand de l'Union européenne ?",
        },
        "summary": {
            "nl": "In het verlengde van de Conferentie over de toekomst van Europa vroeg de stad Gent haar inwoners "
            "wat ze van de Europese Unie verwachten. Lees wat ze zeiden en wat de stad met hun inbreng doet.",
            "en": "Following on from the Conference on the Future of Europe, the City of Ghent asked residents what "
            "they expect from the European Union. Read what they said and what the city does with their input.",
            "fr": "Dans le prolongement de la Conférence sur l'avenir de l'Europe, la Ville de Gand a demandé aux "
            "habitants ce qu'ils attendent de l'UE. Découvrez leurs réponses et la suite que la Ville y donne.",
        },
        "plain_summary": {
            "nl": "Europa beslist over veel dingen die ook Gent raken. Wij vroegen: wat vind jij belangrijk in Europa? "
            "Veel mensen kozen klimaat en betaalbaar wonen. Hier lees je wat de stad nu doet.",
            "en": "Europe decides on many things that also affect Ghent. We asked: what matters to you in Europe? "
            "Many people chose climate and affordable housing. Here you can read what the city is doing now.",
            "fr": "L'Europe décide de beaucoup de choses qui touchent aussi Gand. Nous avons demandé : qu'est-ce qui "
            "compte pour vous en Europe ? Beaucoup de personnes ont choisi le climat et le logement abordable. "
            "Vous pouvez lire ici ce que la Ville fait maintenant.",
        },
        "body": {
            "nl": """\
Voor een stad als Gent is de Europese Unie misschien wel de belangrijkste partner in het internationale beleid. Veel Europese wetgeving wordt lokaal uitgevoerd, en Europese middelen zoals het EFRO en het ESF helpen om stadsprojecten waar te maken. Met zo'n 450 miljoen inwoners is de EU bovendien een stevige speler in de wereld. De Conferentie over de toekomst van Europa liet burgers in heel Europa meepraten over de koers van de Unie. De stad Gent wilde dat gesprek dichter bij huis voortzetten.

## Wat vroeg de stad?

In deze bevraging legden we twee vragen voor:

- Rangschik de vier internationale topprioriteiten van Gent: de nalatenschap van Europese Jongerenhoofdstad 2024, de kandidatuur als Culturele Hoofdstad van Europa 2030, technologiehoofdstad van Europa worden en klimaatneutraal zijn tegen 2050.
- Over welke Europese thema's moet Gent het luidst zijn stem laten horen, bijvoorbeeld via Eurocities?

Inwoners konden ook vrij reageren en elkaars ideeën aanvullen.

## Wat gebeurt er met je inbreng?

Gent is al sinds 1998 lid van Eurocities, het grootste netwerk van Europese steden, en speelt er een actieve rol. Via dat netwerk en via andere kanalen naar de Europese instellingen brengt de stad de boodschap van haar inwoners verder. De resultaten helpen ook om de volgende internationale agenda van de stad vorm te geven. Hieronder lees je wat de inwoners zeiden en wat de stad ermee heeft gedaan.""",
            "en": """\
For a city like Ghent, the European Union is perhaps the most important partner in its international policy. Much European legislation is put into practice at local level, and European funds such as the ERDF and the ESF help to get city projects off the ground. With some 450 million inhabitants, the EU is also a major player on the world stage. The Conference on the Future of Europe gave citizens across Europe a say in the Union's direction. The City of Ghent wanted to continue that conversation closer to home.

## What did the city ask?

This consultation put two questions to residents:

- Rank Ghent's four international top priorities: the legacy of European Youth Capital 2024, the bid for European Capital of Culture 2030, becoming Europe's technology capital, and being climate neutral by 2050.
- On which European topics should Ghent speak up loudest, for example through Eurocities?

Residents could also leave their own comments and build on each other's ideas.

## What happens with your input?

Ghent has been a member of Eurocities, the largest network of European cities, since 1998 and plays an active role in it. Through this network and other channels to the European institutions, the city passes on what its residents said. The results also help to shape the city's next international agenda. Below you can read what residents said and what the city has done with it.""",
            "fr": """\
Pour une ville comme Gand, l'Union européenne est sans doute le principal partenaire de sa politique internationale. Une grande partie de la législation européenne est mise en œuvre au niveau local, et des fonds européens comme le FEDER et le FSE aident à concrétiser des projets urbains. Avec quelque 450 millions d'habitants, l'UE pèse aussi sur la scène mondiale. La Conférence sur l'avenir de l'Europe a donné la parole aux citoyens de toute l'Europe sur l'orientation de l'Union. La Ville de Gand a voulu poursuivre ce dialogue plus près de chez elle.

## Qu'a demandé la Ville ?

Cette consultation posait deux questions :

- Classez les quatre grandes priorités internationales de Gand : l'héritage de la Capitale européenne de la jeunesse 2024, la candidature au titre de Capitale européenne de la culture 2030, devenir la capitale technologique de l'Europe et atteindre la neutralité climatique d'ici 2050.
- Sur quels thèmes européens Gand doit-elle se faire entendre le plus fort, par exemple via Eurocities ?

Les habitants pouvaient aussi réagir librement et compléter les idées des autres.

## Que devient votre contribution ?

Gand est membre d'Eurocities, le plus grand réseau de villes européennes, depuis 1998 et y joue un rôle actif. Par ce réseau et par d'autres canaux vers les institutions européennes, la Ville relaie le message de ses habitants. Les résultats aident aussi à dessiner le prochain agenda international de la Ville. Vous trouverez ci-dessous ce que les habitants ont dit et ce que la Ville en a fait.""",
        },
        "results": {
            "nl": """\
Heel wat inwoners deden mee, online en tijdens een kleine publieksavond. Een greep uit wat ze zeiden:

- **Klimaat** kwam in de rangschikking van de topprioriteiten het vaakst op de eerste plaats. Veel deelnemers zien 2050 als een minimum en niet als een eindpunt.
- Na klimaat en energie waren **betaalbaar wonen** en **sociaal beleid** de Europese thema's waarover Gent volgens de deelnemers het luidst moet spreken.
- Over de **Culturele Hoofdstad 2030** en de **technologiehoofdstad** waren de meningen meer verdeeld: deelnemers willen vooral weten wat gewone Gentenaars eraan hebben.
- Een duidelijke meerderheid vroeg om Europese beslissingen beter uit te leggen, in klare taal en in meer talen.

Deze resultaten geven de mening van de deelnemers weer en zijn niet representatief voor alle inwoners.""",
            "en": """\
Many residents took part, online and at a small public evening. Some of the main points:

- **Climate** was most often ranked first among the top priorities. Many participants see 2050 as a minimum rather than an end point.
- After climate and energy, **affordable housing** and **social policy** were the European topics on which participants most wanted Ghent to speak up.
- Views on the **Capital of Culture 2030** and the **technology capital** were more divided: participants mainly want to know what ordinary residents will gain from them.
- A clear majority asked for European decisions to be explained better, in plain language and in more languages.

These results reflect the views of the participants and are not representative of all residents.""",
            "fr": """\
De nombreux habitants ont participé, en ligne et lors d'une petite soirée publique. Quelques points marquants :

- Le **climat** a le plus souvent été classé en tête des grandes priorités. Beaucoup de participants voient 2050 comme un minimum plutôt que comme un point d'arrivée.
- Après le climat et l'énergie, le **logement abordable** et la **politique sociale** sont les thèmes européens sur lesquels Gand doit, selon les participants, se faire entendre le plus fort.
- Les avis sur la **Capitale de la culture 2030** et la **capitale technologique** étaient plus partagés : les participants veulent surtout savoir ce que les habitants y gagneront concrètement.
- Une nette majorité demande que les décisions européennes soient mieux expliquées, en langage clair et dans plus de langues.

Ces résultats reflètent l'avis des participants et ne sont pas représentatifs de l'ensemble des habitants.""",
        },
        "feedback": {
            "nl": """\
- Gent bracht de belangrijkste boodschappen in bij de werkgroepen van Eurocities, vooral over klimaat, betaalbaar wonen en sociaal beleid.
- De rangschikking van de topprioriteiten is meegenomen in de voorbereiding van de volgende internationale agenda van de stad. Over dat ontwerp volgt nog een aparte bevraging.
- De stad legt Europese dossiers voortaan vaker uit in klare taal, met een samenvatting in het Engels en het Frans.
- De kleinschalige publieksmomenten waarop inwoners elk jaar meepraten over Europese en internationale plannen, gaan door.

Bedankt aan iedereen die heeft meegedaan. Wie wil weten hoe het verder gaat, kan de volgende bevraging over de internationale prioriteiten van de stad volgen op dit platform.""",
            "en": """\
- Ghent brought the main messages to the Eurocities working groups, especially on climate, affordable housing and social policy.
- The ranking of the top priorities has been taken into account in preparing the city's next international agenda. A separate consultation on that draft will follow.
- From now on, the city will more often explain European files in plain language, with a summary in English and French.
- The small-scale public events where residents have their say every year on European and international plans will continue.

Thank you to everyone who took part. If you want to know what happens next, you can follow the upcoming consultation on the city's international priorities on this platform.""",
            "fr": """\
- Gand a porté les principaux messages au sein des groupes de travail d'Eurocities, en particulier sur le climat, le logement abordable et la politique sociale.
- Le classement des grandes priorités a été pris en compte dans la préparation du prochain agenda international de la Ville. Une consultation distincte sur ce projet suivra.
- La Ville expliquera désormais plus souvent les dossiers européens en langage clair, avec un résumé en anglais et en français.
- Les petits rendez-vous publics où les habitants donnent chaque année leur avis sur les projets européens et internationaux se poursuivent.

Merci à toutes et à tous pour votre participation. Pour connaître la suite, suivez sur cette plateforme la prochaine consultation sur les priorités internationales de la Ville.""",
        },
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en publieksavond",
                    "en": "Online consultation and public evening",
                    "fr": "Consultation en ligne et soirée publique",
                },
                "starts_days": -110,
                "ends_days": -55,
            },
            {
                "name": {
                    "nl": "Verwerking van de antwoorden",
                    "en": "Processing the answers",
                    "fr": "Analyse des réponses",
                },
                "starts_days": -54,
                "ends_days": -42,
            },
            {
                "name": {
                    "nl": "Resultaten en terugkoppeling gepubliceerd",
                    "en": "Results and feedback published",
                    "fr": "Publication des résultats et du suivi",
                },
                "starts_days": -41,
                "ends_days": -41,
            },
        ],
    },
    # ------------------------------------------------------------------ 4. results
    {
        "slug": "europese-jongerenhoofdstad",
        "state": "results",
        "themes": ["youth-capital"],
        "networks": ["european-network-child-friendly-cities", "eurocities"],
        "opens_days": -100,
        "closes_days": -45,
        "title": {
            "nl": "Europese Jongerenhoofdstad 2024: wat moet er blijven voor Gentse jongeren?",
            "en": "European Youth Capital 2024: what should stay for young people in Ghent?",
            "fr": "Capitale européenne de la jeunesse 2024 : que doit-il rester pour les jeunes Gantois ?",
        },
        "summary": {
            "nl": "Gent zette in op de ambitie om Europese Jongerenhoofdstad 2024 te worden. De stad vroeg jongeren "
            "wat er van die inzet moet blijven. Lees hun antwoorden en wat de stad ermee doet.",
            "en": "Ghent worked towards its ambition of becoming European Youth Capital 2024. The city asked young "
            "people what should remain of that effort. Read their answers and what the city is doing with them.",
            "fr": "Gand s'est mobilisée pour devenir Capitale européenne de la jeunesse 2024. La Ville a demandé aux "
            "jeunes ce qu'il doit rester de cet effort. Découvrez leurs réponses et la suite donnée par la Ville.",
        },
        "plain_summary": {
            "nl": "Gent wilde in 2024 Europese Jongerenhoofdstad worden. Er gebeurde veel voor en met jongeren. "
            "Wij vroegen jongeren: wat moet blijven? Hier lees je hun antwoorden en wat de stad nu doet.",
            "en": "Ghent wanted to become European Youth Capital in 2024. A lot happened for and with young people. "
            "We asked young people: what should stay? Here you can read their answers and what the city is doing now.",
            "fr": "Gand voulait devenir Capitale européenne de la jeunesse en 2024. Beaucoup de choses ont été faites pour et "
            "avec les jeunes. Nous leur avons demandé : que faut-il garder ? Vous pouvez lire ici leurs réponses "
            "et ce que la Ville fait maintenant.",
        },
        "body": {
            "nl": """\
Europese Jongerenhoofdstad worden was een van de vier internationale topprioriteiten van de stad Gent in de beleidsperiode 2019-2024. Het jaar 2024 zette jongeren in de schijnwerpers: ze organiseerden zelf activiteiten, praatten mee over het beleid en legden contacten met leeftijdsgenoten in andere Europese steden. Zo'n jaar mag geen eenmalig feest blijven. Daarom vroeg de stad aan jonge Gentenaars wat er blijvend moet veranderen.

## Wat vroegen we?

De bevraging richtte zich vooral tot jongeren tussen 16 en 30 jaar, en tot jeugdwerkers en jeugdorganisaties. We wilden weten:

- welke activiteiten en projecten uit 2024 een vervolg verdienen;
- hoe jongeren ook na 2024 echt kunnen meebeslissen over hun stad;
- welke plekken jongeren missen om elkaar te ontmoeten, te repeteren of te sporten;
- hoe Gentse jongeren makkelijker kunnen deelnemen aan uitwisselingen met andere Europese steden.

## Wat gebeurt er met de resultaten?

De stad heeft de antwoorden samen met jeugdorganisaties verwerkt. De resultaten en het antwoord van de stad lees je hieronder. Ze vormen ook input voor de kandidatuur als Culturele Hoofdstad van Europa 2030 en voor het werk van Gent in het Europese netwerk van kind- en jeugdvriendelijke steden. Op een resultatenavond stellen jongeren de uitkomst zelf voor.""",
            "en": """\
Becoming European Youth Capital was one of the City of Ghent's four international top priorities in the 2019-2024 policy period. The year 2024 put young people in the spotlight: they organised activities themselves, had their say on policy and made contacts with their peers in other European cities. A year like that should not be a one-off celebration. That is why the city asked young people in Ghent what should change for good.

## What did we ask?

The consultation was aimed mainly at young people aged 16 to 30, and at youth workers and youth organisations. We wanted to know:

- which activities and projects from 2024 deserve a follow-up;
- how young people can continue to have a real say in their city after 2024;
- which places young people miss for meeting up, rehearsing or doing sport;
- how young people in Ghent can more easily take part in exchanges with other European cities.

## What happens with the results?

The city has processed the answers together with youth organisations. The results and the city's response are set out below. They also feed into the bid for European Capital of Culture 2030 and into Ghent's work in the European Network Child Friendly Cities. At a results evening, young people will present the outcome themselves.""",
            "fr": """\
Devenir Capitale européenne de la jeunesse était l'une des quatre grandes priorités internationales de la Ville de Gand pour la législature 2019-2024. L'année 2024 a mis les jeunes à l'honneur : ils ont organisé eux-mêmes des activités, donné leur avis sur les politiques et noué des contacts avec des jeunes d'autres villes européennes. Une telle année ne doit pas rester une fête sans lendemain. C'est pourquoi la Ville a demandé aux jeunes Gantois ce qui doit changer durablement.

## Qu'avons-nous demandé ?

La consultation s'adressait surtout aux jeunes de 16 à 30 ans, ainsi qu'aux animateurs et aux organisations de jeunesse. Nous voulions savoir :

- quelles activités et quels projets de 2024 méritent une suite ;
- comment les jeunes peuvent continuer à avoir leur mot à dire dans leur ville après 2024 ;
- quels lieux manquent aux jeunes pour se retrouver, répéter ou faire du sport ;
- comment les jeunes Gantois peuvent participer plus facilement à des échanges avec d'autres villes européennes.

## Que deviennent les résultats ?

La Ville a analysé les réponses avec les organisations de jeunesse. Les résultats et la réponse de la Ville figurent ci-dessous. Ils alimentent aussi la candidature au titre de Capitale européenne de la culture 2030 et le travail de Gand au sein du réseau européen des villes amies des enfants (European Network Child Friendly Cities). Lors d'une soirée de présentation, les jeunes exposeront eux-mêmes les résultats.""",
        },
        "results": {
            "nl": """\
Jongeren, jeugdwerkers en jeugdorganisaties deden mee, online en in gesprekken in jeugdhuizen en scholen.

- Een duidelijke meerderheid wil dat **jongeren ook na 2024 mee aan tafel zitten** wanneer de stad beslissingen neemt die hen raken, en niet alleen bij eenmalige projecten.
- Veel deelnemers vragen **meer betaalbare plekken** om samen te komen, te repeteren en te sporten, ook 's avonds en in het weekend.
- **Europese uitwisselingen** werden vaak genoemd als iets wat moet blijven, maar jongeren vinden de drempel te hoog voor wie weinig geld heeft of geen hoger onderwijs volgt.
- Verschillende jongeren vroegen om de communicatie van de stad korter, eenvoudiger en via hun eigen kanalen te brengen.

Dit zijn de stemmen van de deelnemers; ze zijn niet representatief voor alle Gentse jongeren.""",
            "en": """\
Young people, youth workers and youth organisations took part, online and in conversations at youth centres and schools.

- A clear majority want **young people to keep a seat at the table** after 2024 whenever the city takes decisions that affect them, not only in one-off projects.
- Many participants are asking for **more affordable places** to meet, rehearse and do sport, including in the evenings and at weekends.
- **European exchanges** were often mentioned as something that should stay, but young people find the threshold too high for those with little money or who are not in higher education.
- Several young people asked for the city's communication to be shorter, simpler and delivered through their own channels.

These are the voices of the participants; they are not representative of all young people in Ghent.""",
            "fr": """\
Des jeunes, des animateurs et des organisations de jeunesse ont participé, en ligne et lors de discussions dans des maisons de jeunes et des écoles.

- Une nette majorité souhaite que **les jeunes restent associés** après 2024 aux décisions de la Ville qui les concernent, et pas seulement lors de projets ponctuels.
- De nombreux participants demandent **davantage de lieux abordables** pour se retrouver, répéter et faire du sport, y compris le soir et le week-end.
- Les **échanges européens** ont souvent été cités comme un acquis à préserver, mais les jeunes trouvent le seuil trop élevé pour ceux qui ont peu de moyens ou qui ne font pas d'études supérieures.
- Plusieurs jeunes demandent une communication de la Ville plus courte, plus simple et diffusée sur leurs propres canaux.

Ce sont les voix des participants ; elles ne sont pas représentatives de tous les jeunes Gantois.""",
        },
        "feedback": {
            "nl": """\
- De jongereninspraak uit 2024 krijgt een vaste plaats: de stad betrekt jongeren en jeugdorganisaties structureel bij beslissingen die hen aangaan.
- Jongeren zitten mee in de werkgroepen die de kandidatuur voor Culturele Hoofdstad van Europa 2030 voorbereiden.
- Samen met jeugdorganisaties onderzoekt de stad hoe bestaande gebouwen vaker open kunnen voor jongeren, ook 's avonds en in het weekend.
- Via Europese programma's en netwerken zoekt Gent naar meer uitwisselingskansen voor jongeren die er nu zelden aan deelnemen.
- De stad test kortere berichten voor jongeren, via de kanalen die zij zelf gebruiken.

Op de resultatenavond lichten jongeren en de stad deze keuzes samen toe.""",
            "en": """\
- Youth participation from 2024 gets a permanent place: the city will involve young people and youth organisations on a structural basis in decisions that concern them.
- Young people have a seat in the working groups preparing the bid for European Capital of Culture 2030.
- Together with youth organisations, the city is looking at how existing buildings can open up more often to young people, including in the evenings and at weekends.
- Through European programmes and networks, Ghent is looking for more exchange opportunities for young people who rarely take part today.
- The city is testing shorter messages for young people, through the channels they actually use.

At the results evening, young people and the city will explain these choices together.""",
            "fr": """\
- La participation des jeunes lancée en 2024 devient permanente : la Ville associe de manière structurelle les jeunes et les organisations de jeunesse aux décisions qui les concernent.
- Des jeunes siègent dans les groupes de travail qui préparent la candidature au titre de Capitale européenne de la culture 2030.
- Avec les organisations de jeunesse, la Ville examine comment ouvrir plus souvent des bâtiments existants aux jeunes, y compris le soir et le week-end.
- Grâce aux programmes et aux réseaux européens, Gand cherche davantage d'occasions d'échange pour les jeunes qui y participent rarement aujourd'hui.
- La Ville teste des messages plus courts pour les jeunes, sur les canaux qu'ils utilisent réellement.

Lors de la soirée de présentation des résultats, les jeunes et la Ville expliqueront ensemble ces choix.""",
        },
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en gesprekken met jongeren",
                    "en": "Online consultation and conversations with young people",
                    "fr": "Consultation en ligne et discussions avec les jeunes",
                },
                "starts_days": -100,
                "ends_days": -45,
            },
            {
                "name": {
                    "nl": "Verwerking samen met jeugdorganisaties",
                    "en": "Processing together with youth organisations",
                    "fr": "Analyse avec les organisations de jeunesse",
                },
                "starts_days": -44,
                "ends_days": -32,
            },
            {
                "name": {
                    "nl": "Resultaten en terugkoppeling gepubliceerd",
                    "en": "Results and feedback published",
                    "fr": "Publication des résultats et du suivi",
                },
                "starts_days": -31,
                "ends_days": -31,
            },
            {
                "name": {
                    "nl": "Resultatenavond",
                    "en": "Results evening",
                    "fr": "Soirée de présentation des résultats",
                },
                "starts_days": 26,
                "ends_days": 26,
            },
        ],
    },
    # ------------------------------------------------------------------ 5. open
    {
        "slug": "culturele-hoofdstad-2030",
        "state": "open",
        "themes": ["culture-capital-2030"],
        "networks": ["unesco-creative-cities-network", "unesco-creative-cities-of-music", "eurocities"],
        "opens_days": -5,
        "closes_days": 45,
        "title": {
            "nl": "Moet Gent in 2030 Culturele Hoofdstad van Europa worden?",
            "en": "Should Ghent become European Capital of Culture in 2030?",
            "fr": "Gand doit-elle devenir Capitale européenne de la culture en 2030 ?",
        },
        "summary": {
            "nl": "Gent bereidt een kandidatuur voor als Culturele Hoofdstad van Europa in 2030. Wat moet zo'n "
            "cultuurjaar betekenen voor jou, je wijk en de stad? Geef je mening en denk mee over het programma.",
            "en": "Ghent is preparing a bid to become European Capital of Culture in 2030. What should such a year of "
            "culture mean for you, your neighbourhood and the city? Share your views and help shape the programme.",
            "fr": "Gand prépare sa candidature au titre de Capitale européenne de la culture 2030. Qu'attendez-vous "
            "d'une telle année culturelle pour vous, votre quartier et la ville ? Donnez votre avis.",
        },
        "plain_summary": {
            "nl": "Elk jaar krijgen enkele steden de titel Culturele Hoofdstad van Europa. Gent wil die titel in 2030. "
            "Dan komt er een jaar vol cultuur in de stad. Zeg ons wat jij daarin wil zien.",
            "en": "Every year, a few cities get the title European Capital of Culture. Ghent wants this title in 2030. "
            "That would mean a year full of culture in the city. Tell us what you would like to see.",
            "fr": "Chaque année, quelques villes reçoivent le titre de Capitale européenne de la culture. Gand veut ce "
            "titre en 2030. Ce serait une année pleine de culture dans la ville. Dites-nous ce que vous voulez y voir.",
        },
        "body": {
            "nl": """\
Culturele Hoofdstad van Europa worden in 2030 is een van de topprioriteiten die de stad Gent zich in haar internationale beleid heeft gesteld. De voorbereiding van de kandidatuur is volop bezig. Zo'n titel zet een stad een jaar lang in de Europese belangstelling, maar de echte waarde zit in wat er daarna blijft: nieuwe samenwerkingen, sterkere culturele verenigingen en een publiek dat verder reikt dan de binnenstad.

## Wat wil de stad doen?

De stad wil een kandidatuur die vertrekt van wat Gent al sterk maakt en die de hele stad betrekt. Denk aan:

- muziek, want Gent maakt als muziekstad deel uit van het UNESCO-netwerk van creatieve steden;
- licht en kunst in de publieke ruimte;
- de superdiversiteit van een stad met meer dan 150 nationaliteiten;
- jongerencultuur, in het verlengde van de inzet voor Europese Jongerenhoofdstad 2024;
- cultuur in alle wijken, niet alleen in het centrum.

## Wat vragen we je?

Vind je dat Gent zich kandidaat moet stellen? Welke thema's moeten centraal staan, en waar moet het programma plaatsvinden? Je kunt de vragenlijst invullen, reageren op andere inwoners en deelnemen aan een stadsgesprek, in de zaal of online.

De stad verwerkt alle reacties in de verdere uitwerking van de kandidatuur, samen met het Kunstenoverleg en andere Gentse partners. Na de bevraging lees je hier wat de inwoners zeiden en welke keuzes de stad maakt.""",
            "en": """\
Becoming European Capital of Culture in 2030 is one of the top priorities the City of Ghent has set in its international policy, and work on the bid is well under way. Such a title puts a city in the European spotlight for a whole year, but its real value lies in what remains afterwards: new partnerships, stronger cultural organisations and audiences that reach well beyond the city centre.

## What does the city want to do?

The city wants a bid that builds on Ghent's existing strengths and involves the whole city. Think of:

- music, as Ghent is part of the UNESCO Creative Cities Network as a City of Music;
- light and art in public space;
- the super-diversity of a city with more than 150 nationalities;
- youth culture, building on the work towards European Youth Capital 2024;
- culture in every neighbourhood, not just in the centre.

## What are we asking you?

Do you think Ghent should put itself forward? Which themes should be central, and where should the programme take place? You can fill in the questionnaire, respond to other residents and join a city debate, in the room or online.

The city will use all responses to develop the bid further, together with the Kunstenoverleg arts platform and other partners in Ghent. After the consultation, you can read here what residents said and which choices the city makes.""",
            "fr": """\
Devenir Capitale européenne de la culture en 2030 est l'une des grandes priorités que la Ville de Gand s'est fixées dans sa politique internationale, et la préparation de la candidature bat son plein. Un tel titre place une ville sous les projecteurs européens pendant toute une année, mais sa véritable valeur réside dans ce qui reste ensuite : de nouvelles collaborations, des associations culturelles plus fortes et un public qui dépasse largement le centre-ville.

## Que veut faire la Ville ?

La Ville souhaite une candidature qui part des atouts de Gand et qui implique toute la ville. Par exemple :

- la musique, puisque Gand fait partie du Réseau des villes créatives de l'UNESCO en tant que ville de musique ;
- la lumière et l'art dans l'espace public ;
- la superdiversité d'une ville qui compte plus de 150 nationalités ;
- la culture des jeunes, dans le prolongement de la candidature au titre de Capitale européenne de la jeunesse 2024 ;
- la culture dans tous les quartiers, et pas seulement dans le centre.

## Que vous demandons-nous ?

Pensez-vous que Gand doit se porter candidate ? Quels thèmes doivent occuper une place centrale, et où le programme doit-il se dérouler ? Vous pouvez remplir le questionnaire, réagir aux contributions d'autres habitants et participer à un débat citoyen, sur place ou en ligne.

La Ville intégrera toutes les réactions dans la suite de la candidature, avec la plateforme de concertation Kunstenoverleg et d'autres partenaires gantois. Après la consultation, vous pourrez lire ici ce que les habitants ont dit et quels choix la Ville fait.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en stadsgesprek",
                    "en": "Online consultation and city debate",
                    "fr": "Consultation en ligne et débat citoyen",
                },
                "starts_days": -5,
                "ends_days": 45,
            },
            {
                "name": {
                    "nl": "Verwerking in de kandidatuur",
                    "en": "Processing the input into the bid",
                    "fr": "Intégration dans la candidature",
                },
                "starts_days": 46,
                "ends_days": 80,
            },
            {
                "name": {
                    "nl": "Beslissing van de gemeenteraad over de kandidatuur",
                    "en": "City council decision on the bid",
                    "fr": "Décision du conseil communal sur la candidature",
                },
                "starts_days": 95,
                "ends_days": 95,
            },
        ],
    },
    # ------------------------------------------------------------------ 6. upcoming (no fr in body/plain/phases)
    {
        "slug": "technologiehoofdstad",
        "state": "upcoming",
        "themes": ["technology-capital"],
        "networks": ["open-and-agile-smart-cities", "major-cities-of-europe", "sharing-cities-alliance"],
        "opens_days": 25,
        "closes_days": 70,
        "title": {
            "nl": "Gent als technologiehoofdstad van Europa: digitale innovatie voor iedereen?",
            "en": "Ghent as Europe's technology capital: digital innovation for everyone?",
            "fr": "Gand, capitale technologique de l'Europe : l'innovation numérique pour tous ?",
        },
        "summary": {
            "nl": "Gent wil uitgroeien tot de technologiehoofdstad van Europa, met digitale innovatie die voor "
            "iedereen toegankelijk is. Binnenkort vragen we je hoe we dat samen waarmaken.",
            "en": "Ghent wants to grow into Europe's technology capital, with digital innovation that is accessible "
            "to everyone. Soon we will ask you how we can achieve this together.",
            "fr": "Gand veut devenir la capitale technologique de l'Europe, avec une innovation numérique accessible "
            "à toutes et à tous. Bientôt, nous vous demanderons comment y parvenir ensemble.",
        },
        "plain_summary": {
            "nl": "Gent wil een stad zijn met veel nieuwe technologie. Maar iedereen moet mee kunnen, ook wie "
            "weinig met computers of apps werkt. Binnenkort kun je hier je mening geven.",
            "en": "Ghent wants to be a city with a lot of new technology. But everyone must be able to keep up, "
            "including people who rarely use computers or apps. Soon you can give your opinion here.",
        },
        "body": {
            "nl": """\
Uitgroeien tot de technologiehoofdstad van Europa is een van de vier topprioriteiten uit het internationale beleid van de stad Gent. Gent heeft daarvoor troeven: sterke kennisinstellingen, onderzoekscentra en een groeiend aantal technologiebedrijven. Maar de stad wil meer dan een sterke economie. Digitale innovatie moet voor iedereen toegankelijk zijn, ook voor wie weinig digitale vaardigheden heeft, thuis geen computer heeft of liever aan een loket geholpen wordt.

## Waarover gaat de bevraging?

Binnenkort opent deze bevraging. We zullen je onder meer vragen:

- welke digitale diensten van de stad je nu gebruikt en waar je vastloopt;
- hoe de stad ervoor kan zorgen dat niemand achterblijft, bijvoorbeeld met hulp in de buurt;
- welke rol technologie moet spelen in onderwijs, werk en onderzoek in Gent;
- hoe de stad zorgvuldig omgaat met gegevens en open technologie.

## Hoe kun je meedoen?

Voor de bevraging start, is er een infoavond waar onderzoekers, jonge ondernemers en organisaties die rond digitale inclusie werken hun kijk geven. Daarna kun je online antwoorden en reageren. In netwerken zoals Open and Agile Smart Cities deelt Gent met andere steden kennis over open en koppelbare digitale systemen. De ideeën van de inwoners nemen we mee naar dat werk en naar de volgende internationale agenda van de stad. Na afloop lees je hier wat de inwoners zeiden en wat de stad ermee doet.""",
            "en": """\
Growing into Europe's technology capital is one of the four top priorities of the City of Ghent's international policy. Ghent has real assets for this: strong knowledge institutions, research centres and a growing number of technology companies. But the city wants more than a strong economy. Digital innovation must be accessible to everyone, including people with few digital skills, people without a computer at home and people who prefer to be helped at a counter.

## What will the consultation be about?

This consultation opens soon. Among other things, we will ask you:

- which of the city's digital services you use now and where you get stuck;
- how the city can make sure nobody is left behind, for example with help in the neighbourhood;
- what role technology should play in education, work and research in Ghent;
- how the city can handle data and open technology with care.

## How can you take part?

Before the consultation starts, there will be an information evening where researchers, young entrepreneurs and organisations working on digital inclusion share their views. After that, you can answer and comment online. In networks such as Open and Agile Smart Cities, Ghent shares knowledge with other cities about open, interoperable digital systems. We will take residents' ideas into that work and into the city's next international agenda. Afterwards, you can read here what residents said and what the city does with it.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {"name": {"nl": "Infoavond", "en": "Information evening"}, "starts_days": 22, "ends_days": 22},
            {"name": {"nl": "Online bevraging", "en": "Online consultation"}, "starts_days": 25, "ends_days": 70},
            {
                "name": {"nl": "Verwerking en terugkoppeling", "en": "Processing and feedback"},
                "starts_days": 71,
                "ends_days": 105,
            },
        ],
    },
    # ------------------------------------------------------------------ 7. open
    {
        "slug": "internationaal-talent",
        "state": "open",
        "themes": ["international-talent"],
        "networks": ["eunivercities", "eurocities"],
        "opens_days": -8,
        "closes_days": 35,
        "title": {
            "nl": "Internationaal talent in Gent: aantrekken, verwelkomen en houden",
            "en": "International talent in Ghent: attracting, welcoming and keeping it",
            "fr": "Talents internationaux à Gand : les attirer, les accueillir et les retenir",
        },
        "summary": {
            "nl": "Steeds meer mensen uit het buitenland komen in Gent studeren, onderzoeken, ondernemen of werken. "
            "Hoe helpen we hen om zich thuis te voelen? En is er plaats voor een internationale secundaire school?",
            "en": "More and more people from abroad come to Ghent to study, do research, start a business or work. "
            "How do we help them feel at home? And is there room for an international secondary school?",
            "fr": "De plus en plus de personnes venues de l'étranger étudient, font de la recherche, entreprennent ou "
            "travaillent à Gand. Comment les aider à s'y sentir chez elles ? Faut-il une école secondaire internationale ?",
        },
        "plain_summary": {
            "nl": "In Gent wonen mensen met meer dan 150 nationaliteiten. Veel mensen komen hier studeren of werken. "
            "De stad wil dat ze zich hier goed voelen en blijven. Zeg ons wat helpt, of wat moeilijk is.",
            "en": "People of more than 150 nationalities live in Ghent. Many come here to study or work. "
            "The city wants them to feel good here and to stay. Tell us what helps, or what is difficult.",
            "fr": "À Gand vivent des personnes de plus de 150 nationalités. Beaucoup viennent ici pour étudier ou "
            "travailler. La Ville veut qu'elles se sentent bien et qu'elles restent. Dites-nous ce qui aide, "
            "ou ce qui est difficile.",
        },
        "body": {
            "nl": """\
Gent is een superdiverse stad met meer dan 150 nationaliteiten. Steeds meer mensen uit het buitenland komen hier studeren, een doctoraat behalen, een bedrijf opstarten of werken in de regio. Sommigen blijven enkele jaren, anderen voorgoed: het zijn allemaal nieuwe Gentenaars. Voor de ambities van de stad, van technologiehoofdstad tot Culturele Hoofdstad van Europa 2030, is internationaal talent onmisbaar. Talent aantrekken is één ding, maar ervoor zorgen dat mensen zich hier thuis voelen en blijven, is minstens even belangrijk.

## Wat stelt de stad voor?

De stad werkt met de Gentse instellingen voor hoger onderwijs, werkgevers en verenigingen aan een warm onthaal. Op tafel liggen onder meer:

- duidelijke informatie in het Engels bij de stadsdiensten;
- hulp bij het zoeken naar een woning;
- lessen Nederlands op flexibele uren;
- kansen om Gentenaars te leren kennen via verenigingen, sport en buddyprojecten;
- ondersteuning voor partners die werk zoeken.

Daarnaast onderzoekt de stad of er een internationale secundaire school in Gent kan komen, zodat gezinnen die hier tijdelijk wonen een passende school voor hun kinderen vinden.

## Wat vragen we je?

Ben je zelf nieuw in Gent, of werk, studeer of sport je samen met internationale inwoners? Vertel ons wat helpt en waar het wringt, en geef je mening over een internationale school. Je kunt online antwoorden of langskomen op het talentcafé en de online infosessie.

Alle reacties gaan naar de stadsdiensten en partners die met internationaal talent werken, en naar het onderzoek over de internationale school. Na de bevraging lees je hier de resultaten.""",
            "en": """\
Ghent is a super-diverse city with more than 150 nationalities. More and more people from abroad come here to study, do a PhD, start a business or work in the region. Some stay for a few years, others for good: all of them are new Ghent residents. International talent is essential for the city's ambitions, from technology capital to European Capital of Culture 2030. But attracting talent is one thing; making sure people feel at home and stay is at least as important.

## What does the city propose?

The city works with Ghent's higher education institutions, employers and associations on a warm welcome. The ideas on the table include:

- clear information in English at city services;
- help with finding a home;
- Dutch classes at flexible times;
- opportunities to get to know Ghent residents through associations, sport and buddy schemes;
- support for partners looking for work.

The city is also studying whether an international secondary school could be set up in Ghent, so that families living here temporarily can find a suitable school for their children.

## What are we asking you?

Are you new to Ghent yourself, or do you work, study or play sport with international residents? Tell us what helps and where things get difficult, and share your view on an international school. You can answer online or come to the talent café and the online information session.

All responses go to the city services and partners working with international talent, and to the study on the international school. After the consultation, you can read the results here.""",
            "fr": """\
Gand est une ville superdiverse qui compte plus de 150 nationalités. De plus en plus de personnes venues de l'étranger s'y installent pour étudier, préparer un doctorat, créer une entreprise ou travailler dans la région. Certaines restent quelques années, d'autres pour de bon : ce sont toutes de nouvelles Gantoises et de nouveaux Gantois. Les talents internationaux sont indispensables aux ambitions de la Ville, de la capitale technologique à la Capitale européenne de la culture 2030. Attirer des talents est une chose ; faire en sorte qu'ils se sentent chez eux et restent est au moins aussi important.

## Que propose la Ville ?

La Ville travaille avec les établissements d'enseignement supérieur gantois, les employeurs et les associations pour offrir un accueil chaleureux. Parmi les pistes :

- des informations claires en anglais dans les services communaux ;
- une aide pour trouver un logement ;
- des cours de néerlandais à des horaires flexibles ;
- des occasions de rencontrer des Gantois grâce aux associations, au sport et au parrainage ;
- un accompagnement pour les partenaires qui cherchent un emploi.

La Ville étudie aussi la possibilité d'ouvrir une école secondaire internationale à Gand, pour que les familles installées ici temporairement trouvent une école adaptée à leurs enfants.

## Que vous demandons-nous ?

Vous êtes nouveau à Gand, ou vous travaillez, étudiez ou faites du sport avec des habitants internationaux ? Dites-nous ce qui aide et ce qui coince, et donnez votre avis sur une école internationale. Répondez en ligne ou venez au café des talents et à la séance d'information en ligne.

Toutes les réactions sont transmises aux services et partenaires qui travaillent avec les talents internationaux, ainsi qu'à l'étude sur l'école internationale. Après la consultation, vous pourrez lire les résultats ici.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging, talentcafé en infosessie",
                    "en": "Online consultation, talent café and information session",
                    "fr": "Consultation en ligne, café des talents et séance d'information",
                },
                "starts_days": -8,
                "ends_days": 35,
            },
            {
                "name": {
                    "nl": "Verwerking, ook in het onderzoek naar een internationale school",
                    "en": "Processing, including in the study on an international school",
                    "fr": "Analyse, y compris dans l'étude sur une école internationale",
                },
                "starts_days": 36,
                "ends_days": 70,
            },
            {
                "name": {
                    "nl": "Terugkoppeling van de resultaten",
                    "en": "Feedback on the results",
                    "fr": "Retour sur les résultats",
                },
                "starts_days": 80,
                "ends_days": 80,
            },
        ],
    },
    # ------------------------------------------------------------------ 8. closed, no results yet
    {
        "slug": "north-sea-port-district",
        "state": "closed",
        "themes": ["north-sea-port-district"],
        "networks": ["bgts", "urbiscoop"],
        "opens_days": -70,
        "closes_days": -10,
        "title": {
            "nl": "North Sea Port District: hoe werken Gent en Zeeland beter samen?",
            "en": "North Sea Port District: how can Ghent and Zeeland work better together?",
            "fr": "North Sea Port District : comment renforcer la coopération entre Gand et la Zélande ?",
        },
        "summary": {
            "nl": "Sinds 2021 werkt Gent over de grens samen met Zeeuwse en Oost-Vlaamse buren in het North Sea Port "
            "District. We vroegen inwoners hoe die samenwerking het leven rond het kanaal kan verbeteren.",
            "en": "Since 2021, Ghent has been working with neighbours in Zeeland and East Flanders in the North Sea "
            "Port District. We asked residents how this cooperation can improve life around the canal.",
            "fr": "Depuis 2021, Gand coopère avec ses voisins de Zélande et de Flandre-Orientale au sein du North Sea "
            "Port District. Nous avons demandé aux habitants comment améliorer la vie autour du canal.",
        },
        "plain_summary": {
            "nl": "Gent werkt samen met gemeenten in Zeeland, in Nederland. Het gaat over de haven en de streek rond "
            "het kanaal. Belangrijk zijn het milieu, goed wonen en vervoer. We vroegen je mening en verwerken "
            "nu de antwoorden.",
            "en": "Ghent works together with municipalities in Zeeland, in the Netherlands. It is about the port and "
            "the area around the canal. The environment, good living conditions and transport are important. "
            "We asked for your opinion and are now processing the answers.",
            "fr": "Gand travaille avec des communes de Zélande, aux Pays-Bas. Il s'agit du port et de la région "
            "autour du canal. L'environnement, la qualité de vie et les transports sont importants. Nous avons "
            "demandé votre avis et nous analysons maintenant les réponses.",
        },
        "body": {
            "nl": """\
In 2018 fuseerde de haven van Gent met Zeeland Seaports tot North Sea Port. Al snel bleek dat de haven alleen kan groeien in een levendige regio, en omgekeerd. Daarom werken sinds 2021 de Zeeuwse gemeenten Terneuzen, Vlissingen en Borsele, de Oost-Vlaamse gemeenten Evergem, Zelzate en Gent en de provincies Zeeland en Oost-Vlaanderen samen in het North Sea Port District. Het is een grensoverschrijdend partnerschap dicht bij huis, met drie thema's bovenaan de agenda.

## De drie thema's

- **Duurzaamheid**: samen werken aan een klimaatvriendelijke haven en industrie.
- **Leefbaarheid**: aandacht voor wie in de kanaalzone woont, met geluid, luchtkwaliteit en groen als grote zorgen.
- **Mobiliteit**: vlotter en duurzamer over de grens pendelen, met de fiets, het openbaar vervoer of de auto.

## Waarover ging de bevraging?

We vroegen inwoners aan beide kanten van de grens welke thema's voorrang verdienen, hoe vaak ze zelf de grens oversteken en of ze iets merken van de samenwerking. Er was ook een grensgesprek, waaraan je ter plaatse of online kon deelnemen.

## Wat gebeurt er nu?

De bevraging is afgesloten. De stad Gent analyseert de antwoorden samen met de Zeeuwse en Oost-Vlaamse partners. Daarna publiceren we hier de resultaten en lees je welke voorstellen de partners samen oppakken. Gent deelt de ervaringen ook in Benelux-netwerken die grensoverschrijdende samenwerking ondersteunen.""",
            "en": """\
In 2018, the port of Ghent merged with Zeeland Seaports to form North Sea Port. It soon became clear that the port can only grow in a lively region, and the other way round. That is why, since 2021, the Zeeland municipalities of Terneuzen, Vlissingen and Borsele, the East Flemish municipalities of Evergem, Zelzate and Ghent, and the provinces of Zeeland and East Flanders have been working together in the North Sea Port District. It is a cross-border partnership close to home, with three themes at the top of the agenda.

## The three themes

- **Sustainability**: working together on a climate-friendly port and industry.
- **Quality of life**: attention to the people who live in the canal zone, where noise, air quality and green space are major concerns.
- **Mobility**: smoother and more sustainable cross-border commuting, by bike, public transport or car.

## What was the consultation about?

We asked residents on both sides of the border which themes deserve priority, how often they cross the border themselves and whether they notice the cooperation at all. There was also a cross-border conversation, which you could join on site or online.

## What happens now?

The consultation has closed. The City of Ghent is analysing the answers together with its partners in Zeeland and East Flanders. We will then publish the results here, along with the proposals the partners will take forward together. Ghent also shares the experience in Benelux networks that support cross-border cooperation.""",
            "fr": """\
En 2018, le port de Gand a fusionné avec Zeeland Seaports pour former North Sea Port. Il est vite apparu que le port ne peut se développer que dans une région dynamique, et inversement. C'est pourquoi, depuis 2021, les communes zélandaises de Terneuzen, Flessingue et Borsele, les communes d'Evergem, de Zelzate et de Gand en Flandre-Orientale ainsi que les provinces de Zélande et de Flandre-Orientale coopèrent au sein du North Sea Port District. C'est un partenariat transfrontalier tout proche, avec trois thèmes en tête de l'agenda.

## Les trois thèmes

- **Durabilité** : travailler ensemble à un port et à une industrie respectueux du climat.
- **Qualité de vie** : prêter attention aux riverains de la zone du canal, pour qui le bruit, la qualité de l'air et les espaces verts sont des préoccupations majeures.
- **Mobilité** : rendre les trajets transfrontaliers plus fluides et plus durables, à vélo, en transports en commun ou en voiture.

## Sur quoi portait la consultation ?

Nous avons demandé aux habitants des deux côtés de la frontière quels thèmes sont prioritaires, à quelle fréquence ils traversent eux-mêmes la frontière et s'ils perçoivent cette coopération. Une rencontre transfrontalière était aussi organisée, sur place ou en ligne.

## Et maintenant ?

La consultation est clôturée. La Ville de Gand analyse les réponses avec ses partenaires de Zélande et de Flandre-Orientale. Nous publierons ensuite les résultats ici, ainsi que les propositions que les partenaires porteront ensemble. Gand partage aussi cette expérience au sein de réseaux Benelux qui soutiennent la coopération transfrontalière.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en grensgesprek",
                    "en": "Online consultation and cross-border conversation",
                    "fr": "Consultation en ligne et rencontre transfrontalière",
                },
                "starts_days": -70,
                "ends_days": -10,
            },
            {
                "name": {
                    "nl": "Gezamenlijke analyse met de partners",
                    "en": "Joint analysis with the partners",
                    "fr": "Analyse commune avec les partenaires",
                },
                "starts_days": -9,
                "ends_days": 25,
            },
            {
                "name": {
                    "nl": "Publicatie van de resultaten",
                    "en": "Publication of the results",
                    "fr": "Publication des résultats",
                },
                "starts_days": 35,
                "ends_days": 35,
            },
        ],
    },
    # ------------------------------------------------------------------ 9. results
    {
        "slug": "zustersteden-kanazawa",
        "state": "results",
        "themes": ["partner-cities"],
        "networks": ["eurocities"],
        "opens_days": -120,
        "closes_days": -60,
        "title": {
            "nl": "Een nieuwe koers voor de stedenbanden van Gent: verder met Kanazawa?",
            "en": "A new course for Ghent's city partnerships: continuing with Kanazawa?",
            "fr": "Une nouvelle orientation pour les jumelages de Gand : poursuivre avec Kanazawa ?",
        },
        "summary": {
            "nl": "Gent had zeven zustersteden en vijf partnersteden. De stad stelde voor om alleen de band met het "
            "Japanse Kanazawa te behouden en meer in netwerken te investeren. Lees wat de inwoners ervan vonden.",
            "en": "Ghent had seven sister cities and five partner cities. The city proposed keeping only its tie with "
            "Kanazawa in Japan and investing more in networks. Read what residents thought of it.",
            "fr": "Gand comptait sept villes jumelles et cinq villes partenaires. La Ville a proposé de ne garder que "
            "le lien avec Kanazawa, au Japon, et de miser sur les réseaux. Découvrez l'avis des habitants.",
        },
        "plain_summary": {
            "nl": "Gent had banden met twaalf andere steden, vooral in het buitenland. Met veel van die steden "
            "gebeurde weinig. De stad houdt nu alleen de band met Kanazawa in Japan. Verder werkt Gent vooral "
            "samen met steden via netwerken.",
            "en": "Ghent had ties with twelve other cities, mostly abroad. Little happened with many of these cities. "
            "The city now keeps only its tie with Kanazawa in Japan. Otherwise, Ghent mainly works with other "
            "cities through networks.",
            "fr": "Gand avait des liens avec douze autres villes, surtout à l'étranger. Avec beaucoup de ces villes, "
            "il se passait peu de choses. La Ville garde maintenant uniquement le lien avec Kanazawa, au Japon. "
            "Pour le reste, Gand travaille surtout avec d'autres villes au sein de réseaux.",
        },
        "body": {
            "nl": """\
Gent had zeven officiële zustersteden: Kanazawa in Japan, Tallinn in Estland, Wiesbaden en Melle in Duitsland, Nottingham in het Verenigd Koninkrijk, Mohammedia in Marokko en Saint-Raphaël in Frankrijk. Daarnaast waren er vijf officiële partnersteden: Gdańsk in Polen, Burgas in Bulgarije, Weihai en Taizhou in China en Luik in België. De band met Saint-Raphaël werd al in 2018 stopgezet, op vraag van het jumelagecomité van die stad.

## Waarom een nieuwe koers?

Internationaal verschuift de samenwerking tussen steden van vaste duo's naar netwerken en gezamenlijke projecten. Gent volgt die trend al jaren, onder meer via Eurocities en Europese subsidieprojecten. Een interne evaluatie en een rondvraag bij andere steden toonden dat alleen de samenwerking met Kanazawa, Tallinn en Wiesbaden echt actief was. De andere banden lagen het voorbije decennium grotendeels stil. De stad stelde daarom voor:

- alleen de band met Kanazawa te behouden, een zusterstad sinds 1973 met een levendige uitwisseling rond jongeren, cultuur, onderzoek, gastronomie en kennis;
- geen nieuwe bilaterale banden aan te gaan;
- vooral te investeren in internationale netwerken en in Europese projecten met een of meer steden.

## Wat vroegen we?

We vroegen de inwoners of ze die keuze steunen en welke uitwisselingen met Kanazawa voorrang verdienen. Ook verenigingen en scholen met contacten in de andere steden konden hun ervaring delen. Hieronder lees je de resultaten en wat de stad met de inbreng heeft gedaan.""",
            "en": """\
Ghent had seven official sister cities: Kanazawa in Japan, Tallinn in Estonia, Wiesbaden and Melle in Germany, Nottingham in the United Kingdom, Mohammedia in Morocco and Saint-Raphaël in France. It also had five official partner cities: Gdańsk in Poland, Burgas in Bulgaria, Weihai and Taizhou in China, and Liège in Belgium. The twinning with Saint-Raphaël had already ended in 2018, at the request of that town's twinning committee.

## Why a new course?

Internationally, cooperation between cities is shifting from fixed pairs to networks and joint projects. Ghent has followed this trend for years, for example through Eurocities and European grant projects. An internal evaluation and a survey of other cities showed that only the cooperation with Kanazawa, Tallinn and Wiesbaden was truly active. The other ties had largely lain dormant over the past decade. The city therefore proposed:

- to keep only the tie with Kanazawa, a sister city since 1973 with lively exchanges on youth, culture, research, food and know-how;
- not to enter into any new bilateral partnerships;
- to invest mainly in international networks and in European projects with one or more cities.

## What did we ask?

We asked residents whether they support this choice and which exchanges with Kanazawa deserve priority. Associations and schools with contacts in the other cities could also share their experience. Below you can read the results and what the city has done with the input.""",
            "fr": """\
Gand comptait sept villes jumelles officielles : Kanazawa au Japon, Tallinn en Estonie, Wiesbaden et Melle en Allemagne, Nottingham au Royaume-Uni, Mohammédia au Maroc et Saint-Raphaël en France. Elle avait aussi cinq villes partenaires officielles : Gdańsk en Pologne, Bourgas en Bulgarie, Weihai et Taizhou en Chine, et Liège en Belgique. Le jumelage avec Saint-Raphaël avait déjà pris fin en 2018, à la demande du comité de jumelage de cette ville.

## Pourquoi une nouvelle orientation ?

À l'échelle internationale, la coopération entre villes passe des duos fixes aux réseaux et aux projets communs. Gand suit cette tendance depuis des années, notamment via Eurocities et des projets subventionnés par l'Europe. Une évaluation interne et une enquête auprès d'autres villes ont montré que seules les coopérations avec Kanazawa, Tallinn et Wiesbaden étaient vraiment actives. Les autres liens étaient restés largement en sommeil au cours de la dernière décennie. La Ville a donc proposé :

- de ne garder que le lien avec Kanazawa, ville jumelle depuis 1973, avec des échanges vivants autour de la jeunesse, de la culture, de la recherche, de la gastronomie et du savoir-faire ;
- de ne plus conclure de nouveaux partenariats bilatéraux ;
- d'investir surtout dans les réseaux internationaux et dans des projets européens avec une ou plusieurs villes.

## Qu'avons-nous demandé ?

Nous avons demandé aux habitants s'ils soutiennent ce choix et quels échanges avec Kanazawa doivent être prioritaires. Les associations et les écoles en contact avec les autres villes pouvaient aussi partager leur expérience. Vous trouverez ci-dessous les résultats et ce que la Ville a fait de ces contributions.""",
        },
        "results": {
            "nl": """\
Inwoners, verenigingen en scholen reageerden op het voorstel.

- Een ruime meerderheid vond het logisch om alleen de band met Kanazawa te behouden. De lange geschiedenis sinds 1973 en de vele actieve contacten gaven voor hen de doorslag.
- **Jongerenuitwisselingen** en **culturele samenwerking** werden het vaakst genoemd als uitwisselingen die voorrang verdienen, gevolgd door academische samenwerking.
- Een kleinere groep betreurde het einde van de banden met Tallinn en Wiesbaden, waar nog recente projecten liepen. Zij vroegen om die contacten via Europese netwerken en projecten levend te houden.
- Enkele verenigingen vroegen zich af of ze hun eigen vriendschapsbanden met de andere steden mogen voortzetten.

Deze resultaten geven de mening van de deelnemers weer en zijn niet representatief voor alle inwoners.""",
            "en": """\
Residents, associations and schools responded to the proposal.

- A large majority found it logical to keep only the tie with Kanazawa. For them, the long history since 1973 and the many active contacts tipped the balance.
- **Youth exchanges** and **cultural cooperation** were most often named as the exchanges that deserve priority, followed by academic cooperation.
- A smaller group regretted the end of the ties with Tallinn and Wiesbaden, where recent projects were still running. They asked for these contacts to be kept alive through European networks and projects.
- Some associations wondered whether they may continue their own friendship ties with the other cities.

These results reflect the views of the participants and are not representative of all residents.""",
            "fr": """\
Des habitants, des associations et des écoles ont réagi à la proposition.

- Une large majorité a jugé logique de ne garder que le lien avec Kanazawa. Pour ces participants, la longue histoire commune depuis 1973 et les nombreux contacts actifs ont fait pencher la balance.
- Les **échanges de jeunes** et la **coopération culturelle** ont été le plus souvent cités comme prioritaires, suivis de la coopération universitaire.
- Un groupe plus restreint a regretté la fin des liens avec Tallinn et Wiesbaden, où des projets récents étaient encore en cours. Il a demandé de faire vivre ces contacts via les réseaux et les projets européens.
- Quelques associations se sont demandé si elles peuvent poursuivre leurs propres liens d'amitié avec les autres villes.

Ces résultats reflètent l'avis des participants et ne sont pas représentatifs de l'ensemble des habitants.""",
        },
        "feedback": {
            "nl": """\
- De gemeenteraad besliste om alleen het partnerschap met Kanazawa te behouden. De banden met de andere zuster- en partnersteden worden niet voortgezet.
- Het samenwerkingsakkoord met Kanazawa is vernieuwd, met jongerenuitwisselingen en culturele samenwerking als eerste speerpunten.
- De stad gaat geen nieuwe bilaterale banden aan en investeert vooral in internationale netwerken zoals Eurocities en in Europese projecten met een of meer steden. Zo blijft samenwerking met onder meer Tallinn en Wiesbaden mogelijk.
- Vriendschapsbanden tussen inwoners en verenigingen mogen uiteraard blijven bestaan. Ze kunnen verder groeien zonder officiële steun van de stad.

Binnenkort bespreekt de stad tijdens een tafelgesprek met geïnteresseerde inwoners de volgende stappen met Kanazawa.""",
            "en": """\
- The city council decided to keep only the partnership with Kanazawa. The ties with the other sister and partner cities will not be continued.
- The cooperation agreement with Kanazawa has been renewed, with youth exchanges and cultural cooperation as the first priorities.
- The city will not enter into new bilateral partnerships and will invest mainly in international networks such as Eurocities and in European projects with one or more cities. This keeps cooperation with cities such as Tallinn and Wiesbaden possible.
- Friendship ties between residents and associations can of course continue. They can keep growing without official support from the city.

Soon, at a round-table conversation, the city will discuss the next steps with Kanazawa with interested residents.""",
            "fr": """\
- Le conseil communal a décidé de ne garder que le partenariat avec Kanazawa. Les liens avec les autres villes jumelles et partenaires ne sont pas poursuivis.
- L'accord de coopération avec Kanazawa a été renouvelé, avec les échanges de jeunes et la coopération culturelle comme premières priorités.
- La Ville ne conclut plus de nouveaux partenariats bilatéraux et investit surtout dans les réseaux internationaux comme Eurocities et dans des projets européens avec une ou plusieurs villes. La coopération avec Tallinn ou Wiesbaden, par exemple, reste ainsi possible.
- Les liens d'amitié entre habitants et associations peuvent bien sûr se poursuivre. Ils peuvent continuer à se développer sans soutien officiel de la Ville.

Prochainement, lors d'une table ronde, la Ville discutera avec les habitants intéressés des prochaines étapes avec Kanazawa.""",
        },
        "phases": [
            {
                "name": {"nl": "Online bevraging", "en": "Online consultation", "fr": "Consultation en ligne"},
                "starts_days": -120,
                "ends_days": -60,
            },
            {
                "name": {
                    "nl": "Beslissing van de gemeenteraad",
                    "en": "City council decision",
                    "fr": "Décision du conseil communal",
                },
                "starts_days": -50,
                "ends_days": -50,
            },
            {
                "name": {
                    "nl": "Resultaten en terugkoppeling gepubliceerd",
                    "en": "Results and feedback published",
                    "fr": "Publication des résultats et du suivi",
                },
                "starts_days": -46,
                "ends_days": -46,
            },
            {
                "name": {
                    "nl": "Tafelgesprek over de samenwerking met Kanazawa",
                    "en": "Round-table conversation on the cooperation with Kanazawa",
                    "fr": "Table ronde sur la coopération avec Kanazawa",
                },
                "starts_days": 17,
                "ends_days": 17,
            },
        ],
    },
    # ------------------------------------------------------------------ 10. upcoming
    {
        "slug": "duurzaamheidsdoelen",
        "state": "upcoming",
        "themes": ["sdgs"],
        "networks": ["iclei", "global-lead-city-network", "eccar"],
        "opens_days": 28,
        "closes_days": 75,
        "title": {
            "nl": "De duurzame ontwikkelingsdoelen in Gent: wat moet in het duurzaamheidsrapport?",
            "en": "The Sustainable Development Goals in Ghent: what belongs in the sustainability report?",
            "fr": "Objectifs de développement durable : que doit dire le rapport de durabilité de Gand ?",
        },
        "summary": {
            "nl": "Gent publiceert sinds 2020 elk jaar een duurzaamheidsrapport over de duurzame ontwikkelingsdoelen "
            "van de VN. Binnenkort vragen we wat erin moet staan en hoe Gent mondiaal solidair kan zijn.",
            "en": "Since 2020, Ghent has published a yearly sustainability report on the UN Sustainable Development "
            "Goals. Soon we will ask what it should cover and how Ghent can show global solidarity.",
            "fr": "Depuis 2020, Gand publie chaque année un rapport de durabilité sur les objectifs de développement "
            "durable de l'ONU. Bientôt, vous pourrez dire ce qu'il doit contenir et comment Gand peut être solidaire.",
        },
        "plain_summary": {
            "nl": "De Verenigde Naties hebben doelen voor een eerlijke en gezonde wereld. Gent werkt mee aan die doelen. "
            "Elk jaar schrijft de stad een rapport over wat ze doet. Binnenkort vragen we wat jij daarin wil lezen.",
            "en": "The United Nations has goals for a fair and healthy world. Ghent helps to reach these goals. "
            "Every year, the city writes a report about what it does. Soon we will ask what you want to read in it.",
            "fr": "Les Nations unies ont fixé des objectifs pour un monde juste et en bonne santé. Gand contribue à ces "
            "objectifs. Chaque année, la Ville écrit un rapport sur ce qu'elle fait. Bientôt, nous vous "
            "demanderons ce que vous voulez y lire.",
        },
        "body": {
            "nl": """\
De duurzame ontwikkelingsdoelen (SDG's) van de Verenigde Naties gaan over armoede, gezondheid, onderwijs, klimaat, gelijkheid en nog veel meer. De stad Gent steunt die doelen actief, in de stad zelf en waar het kan ook op internationale fora. Gent is een van de weinige steden in België en Europa die elk jaar een duurzaamheidsrapport publiceert. Het eerste verscheen in 2020. Het rapport toont waar de stad vooruitgang boekt en waar ze nog achterop hinkt.

## Waarover gaat de bevraging?

De SDG's vormen ook de basis van het Gentse beleid rond mondiale solidariteit, met drie thema's:

- **eerlijke handel**, van wat de stad zelf aankoopt tot winkels en bedrijven die eerlijke producten aanbieden;
- **mensenrechten**, in Gent en in de wereld;
- **dekolonisering**, met aandacht voor het koloniale verleden en voor gelijkwaardige samenwerking vandaag.

Binnenkort vragen we je welke doelen en cijfers je in het duurzaamheidsrapport wil terugvinden, hoe het rapport leesbaarder kan en welke acties rond mondiale solidariteit voor jou voorrang verdienen.

## Wat gebeurt er met je inbreng?

Tijdens de bevraging is er een SDG-avond, ter plaatse en online, waar je ontdekt hoe het rapport tot stand komt. Je antwoorden helpen om het volgende duurzaamheidsrapport vorm te geven en om de keuzes in het solidariteitsbeleid te onderbouwen. Na afloop lees je hier wat de inwoners zeiden en wat de stad ermee doet.""",
            "en": """\
The United Nations Sustainable Development Goals (SDGs) cover poverty, health, education, climate, equality and much more. The City of Ghent actively supports these goals, within the city and, wherever possible, in international forums. Ghent is one of the few cities in Belgium and Europe to publish a sustainability report every year. The first one appeared in 2020. The report shows where the city is making progress and where it is still lagging behind.

## What will the consultation be about?

The SDGs are also the basis of Ghent's global solidarity policy, which has three themes:

- **fair trade**, from what the city buys itself to shops and businesses that offer fair products;
- **human rights**, in Ghent and around the world;
- **decolonisation**, with attention to the colonial past and to equal partnerships today.

Soon we will ask you which goals and figures you would like to find in the sustainability report, how the report could be easier to read, and which global solidarity actions should come first for you.

## What happens with your input?

During the consultation there will be an SDG evening, on site and online, where you can find out how the report is put together. Your answers will help to shape the next sustainability report and to underpin the choices in the solidarity policy. Afterwards, you can read here what residents said and what the city does with it.""",
            "fr": """\
Les objectifs de développement durable (ODD) des Nations unies portent sur la pauvreté, la santé, l'éducation, le climat, l'égalité et bien d'autres sujets. La Ville de Gand soutient activement ces objectifs, sur son territoire et, chaque fois que c'est possible, dans les enceintes internationales. Gand est l'une des rares villes de Belgique et d'Europe à publier chaque année un rapport de durabilité. Le premier est paru en 2020. Le rapport montre où la Ville progresse et où elle reste à la traîne.

## Sur quoi portera la consultation ?

Les ODD sont aussi le socle de la politique gantoise de solidarité mondiale, qui s'articule autour de trois thèmes :

- le **commerce équitable**, des achats de la Ville elle-même aux commerces et entreprises qui proposent des produits équitables ;
- les **droits humains**, à Gand et dans le monde ;
- la **décolonisation**, avec une attention pour le passé colonial et pour des partenariats d'égal à égal aujourd'hui.

Bientôt, nous vous demanderons quels objectifs et quels indicateurs vous souhaitez retrouver dans le rapport de durabilité, comment le rendre plus lisible et quelles actions de solidarité mondiale sont prioritaires à vos yeux.

## Que deviendra votre contribution ?

Pendant la consultation, une soirée ODD sera organisée, sur place et en ligne, pour découvrir comment le rapport est élaboré. Vos réponses aideront à construire le prochain rapport de durabilité et à étayer les choix de la politique de solidarité. Vous pourrez ensuite lire ici ce que les habitants ont dit et ce que la Ville en fait.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {
                    "nl": "Online bevraging en SDG-avond",
                    "en": "Online consultation and SDG evening",
                    "fr": "Consultation en ligne et soirée ODD",
                },
                "starts_days": 28,
                "ends_days": 75,
            },
            {
                "name": {
                    "nl": "Verwerking van de antwoorden",
                    "en": "Processing the answers",
                    "fr": "Analyse des réponses",
                },
                "starts_days": 76,
                "ends_days": 100,
            },
            {
                "name": {
                    "nl": "Terugkoppeling en verwerking in het duurzaamheidsrapport",
                    "en": "Feedback and inclusion in the sustainability report",
                    "fr": "Retour et intégration dans le rapport de durabilité",
                },
                "starts_days": 110,
                "ends_days": 110,
            },
        ],
    },
    # ------------------------------------------------------------------ 11. draft (organisers only)
    {
        "slug": "internationale-prioriteiten-2025-2030",
        "state": "draft",
        "themes": ["future-of-europe", "technology-capital", "culture-capital-2030"],
        "networks": [
            "eurocities",
            "global-parliament-of-mayors",
            "open-and-agile-smart-cities",
            "unesco-creative-cities-network",
        ],
        "opens_days": 40,
        "closes_days": 90,
        "title": {
            "nl": "Het Gentse internationale beleid 2025-2030: welke prioriteiten kiezen we?",
            "en": "Ghent's international policy 2025-2030: which priorities should we choose?",
            "fr": "La politique internationale de Gand 2025-2030 : quelles priorités choisir ?",
        },
        "summary": {
            "nl": "De beleidsperiode 2019-2024 is voorbij. De stad Gent werkt aan een nieuwe internationale agenda "
            "tot 2030 en legt een ontwerp van prioriteiten voor aan de inwoners.",
            "en": "The 2019-2024 policy period is over. The City of Ghent is working on a new international agenda "
            "up to 2030 and puts its draft priorities to residents.",
            "fr": "La législature 2019-2024 est terminée. La Ville de Gand prépare un nouvel agenda international "
            "jusqu'en 2030 et soumet un projet de priorités aux habitants.",
        },
        "plain_summary": None,
        "body": {
            "nl": """\
In de beleidsperiode 2019-2024 koos de stad Gent voor vier internationale topprioriteiten: Europese Jongerenhoofdstad 2024, Culturele Hoofdstad van Europa 2030, technologiehoofdstad van Europa en klimaatneutraal tegen 2050. De beleidsnota daarover telde meer dan 40 acties. Nu die periode voorbij is, bereidt de stad haar volgende internationale agenda voor.

## Het ontwerp

Dit ontwerp bouwt voort op wat de voorbije jaren werkte en bevat voorlopig deze speerpunten:

- een sterke Gentse stem in Europa, onder meer via Eurocities en de opvolging van de Conferentie over de toekomst van Europa;
- verder werken aan de technologiehoofdstad, met digitale innovatie die voor iedereen toegankelijk is;
- een kandidatuur als Culturele Hoofdstad van Europa 2030 die de hele stad betrekt;
- klimaatneutraliteit tegen 2050 als rode draad door al het internationale werk;
- gerichte keuzes in de internationale netwerken waarvan Gent lid is en in de stedenbanden, met Kanazawa als enige zusterstad.

## Wat willen we vragen?

Welke prioriteiten vind jij het belangrijkst? Wat ontbreekt er? En hoe wil je op de hoogte blijven van het internationale beleid van je stad? De stad verwerkt de antwoorden in de definitieve versie, die de gemeenteraad daarna bespreekt.""",
            "en": """\
In the 2019-2024 policy period, the City of Ghent chose four international top priorities: European Youth Capital 2024, European Capital of Culture 2030, Europe's technology capital and climate neutrality by 2050. The policy note behind them contained more than 40 actions. Now that this period is over, the city is preparing its next international agenda.

## The draft

This draft builds on what worked in recent years and currently contains these spearheads:

- a strong voice for Ghent in Europe, including through Eurocities and the follow-up to the Conference on the Future of Europe;
- continued work on the technology capital, with digital innovation that is accessible to everyone;
- a bid for European Capital of Culture 2030 that involves the whole city;
- climate neutrality by 2050 as a common thread through all international work;
- focused choices in the international networks Ghent belongs to and in its city partnerships, with Kanazawa as the only sister city.

## What do we want to ask?

Which priorities matter most to you? What is missing? And how would you like to stay informed about your city's international policy? The city will use the answers to draw up the final version, which the city council will then discuss.""",
            "fr": """\
Pour la législature 2019-2024, la Ville de Gand avait retenu quatre grandes priorités internationales : Capitale européenne de la jeunesse 2024, Capitale européenne de la culture 2030, capitale technologique de l'Europe et neutralité climatique d'ici 2050. La note de politique correspondante comptait plus de 40 actions. Cette période étant terminée, la Ville prépare son prochain agenda international.

## Le projet

Ce projet s'appuie sur ce qui a fonctionné ces dernières années et comporte, à ce stade, les axes suivants :

- une voix forte pour Gand en Europe, notamment via Eurocities et le suivi de la Conférence sur l'avenir de l'Europe ;
- la poursuite du travail sur la capitale technologique, avec une innovation numérique accessible à toutes et à tous ;
- une candidature au titre de Capitale européenne de la culture 2030 qui implique toute la ville ;
- la neutralité climatique d'ici 2050 comme fil rouge de toute l'action internationale ;
- des choix ciblés parmi les réseaux internationaux dont Gand est membre et dans ses jumelages, avec Kanazawa comme seule ville jumelle.

## Que voulons-nous vous demander ?

Quelles priorités sont les plus importantes pour vous ? Que manque-t-il ? Et comment souhaitez-vous rester informé de la politique internationale de votre ville ? La Ville intégrera les réponses dans la version définitive, que le conseil communal examinera ensuite.""",
        },
        "results": None,
        "feedback": None,
        "phases": [
            {
                "name": {"nl": "Online bevraging", "en": "Online consultation", "fr": "Consultation en ligne"},
                "starts_days": 40,
                "ends_days": 90,
            },
            {
                "name": {
                    "nl": "Verwerking in de definitieve versie",
                    "en": "Processing into the final version",
                    "fr": "Intégration dans la version définitive",
                },
                "starts_days": 91,
                "ends_days": 120,
            },
            {
                "name": {
                    "nl": "Bespreking in de gemeenteraad",
                    "en": "Discussion in the city council",
                    "fr": "Examen au conseil communal",
                },
                "starts_days": 135,
                "ends_days": 135,
            },
        ],
    },
]
