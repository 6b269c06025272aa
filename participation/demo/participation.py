"""Demo participation content: events, questions and comments for the demo consultations.

Plain data, written from the City of Ghent's own texts on its international policy
(see the seeds). Days are relative to the day the demo is seeded; times are Brussels time.
"""

EVENTS = [
    # ------------------------------------------------------------------ past events
    {
        "key": "klimaatplan-burgerpanel",
        "consultation": "eu-klimaatplan",
        "title": {
            "nl": "Burgerpanel: wat betekent het Europese klimaatplan voor Gent?",
            "en": "Citizens' panel: what does the EU climate plan mean for Ghent?",
            "fr": "Panel citoyen : que signifie le plan climat européen pour Gand ?",
        },
        "description": {
            "nl": (
                "Europa wil tegen 2050 klimaatneutraal zijn en Gent heeft zich hetzelfde doel gesteld. "
                "Wat betekent dat concreet voor onze woningen, straten en bedrijven? Op dit burgerpanel "
                "lichten medewerkers van de stad kort toe hoe het Europese klimaatplan doorwerkt in het "
                "Gentse beleid. Daarna ga je in kleine groepen zelf aan de slag. Iedereen die in Gent woont, "
                "werkt of studeert, is welkom; voorkennis heb je niet nodig.\n\n"
                "**Programma**\n\n"
                "- 19.00 uur: onthaal en kennismaking\n"
                "- 19.20 uur: wat Europa vraagt en wat Gent al doet\n"
                "- 19.50 uur: gesprekken in kleine groepen\n"
                "- 21.00 uur: terugkoppeling en afsluiting"
            ),
            "en": (
                "Europe wants to be climate neutral by 2050, and Ghent has set itself the same goal. "
                "What does that mean in practice for our homes, streets and businesses? At this citizens' "
                "panel, city staff briefly explain how the EU climate plan feeds into Ghent's own policy. "
                "After that, you get to work in small groups. Everyone who lives, works or studies in Ghent "
                "is welcome; no prior knowledge is needed.\n\n"
                "**Programme**\n\n"
                "- 7 pm: welcome and introductions\n"
                "- 7.20 pm: what Europe asks and what Ghent already does\n"
                "- 7.50 pm: small-group discussions\n"
                "- 9 pm: feedback and close"
            ),
            "fr": (
                "L'Europe veut atteindre la neutralité climatique d'ici 2050 et Gand s'est fixé le même "
                "objectif. Qu'est-ce que cela signifie concrètement pour nos logements, nos rues et nos "
                "entreprises ? Lors de ce panel citoyen, des collaborateurs de la Ville expliquent brièvement "
                "comment le plan climat européen se traduit dans la politique gantoise. Vous travaillez "
                "ensuite en petits groupes. Toute personne qui habite, travaille ou étudie à Gand est la "
                "bienvenue ; aucune connaissance préalable n'est requise.\n\n"
                "**Programme**\n\n"
                "- 19 h : accueil et présentations\n"
                "- 19 h 20 : ce que l'Europe demande et ce que Gand fait déjà\n"
                "- 19 h 50 : discussions en petits groupes\n"
                "- 21 h : restitution et clôture"
            ),
        },
        "starts_days": -33,
        "start_time": "19:00",
        "duration_minutes": 150,
        "format": "in_person",
        "venue": "De Krook",
        "address": "Miriam Makebaplein 1, 9000 Gent",
        "online_url": None,
        "languages": ["nl", "en"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": True,
        "capacity": 60,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welke klimaatmaatregel wil je zeker op tafel zien komen?",
            "en": "Which climate measure would you definitely like to see discussed?",
            "fr": "Quelle mesure climatique souhaitez-vous absolument voir abordée ?",
        },
        "report": {
            "summary": {
                "nl": (
                    "Zevenenveertig deelnemers bespraken hoe het Europese klimaatplan in Gent landt. "
                    "De meeste groepen vonden 2050 een laat streefjaar en vroegen om tussendoelen die je ook "
                    "per wijk kunt opvolgen, bijvoorbeeld in het jaarlijkse duurzaamheidsrapport.\n\n"
                    "- **Woningrenovatie** kwam het vaakst terug: huurders vrezen dat zij de rekening betalen, "
                    "eigenaars vragen meer begeleiding bij premies en Europese steun.\n"
                    "- **Mobiliteit en groen**: veilige fietsroutes en meer bomen tegen de zomerhitte.\n"
                    "- **Eerlijke verdeling**: een kleinere groep waarschuwde dat de kosten niet eenzijdig "
                    "bij gezinnen mogen terechtkomen.\n\n"
                    "De stad neemt deze voorstellen mee in haar antwoord op de consultatie."
                ),
                "en": (
                    "Forty-seven participants discussed how the EU climate plan lands in Ghent. Most groups "
                    "felt that 2050 is a late target year and asked for interim goals that can be tracked per "
                    "neighbourhood, for example in the yearly sustainability report.\n\n"
                    "- **Home renovation** came up most often: tenants fear they will end up paying, while "
                    "owners want more guidance on grants and European funding.\n"
                    "- **Mobility and greenery**: safe cycling routes and more trees against summer heat.\n"
                    "- **A fair share**: a smaller group warned that the costs must not fall on households "
                    "alone.\n\n"
                    "The city will take these proposals into account in its response to the consultation."
                ),
                "fr": (
                    "Quarante-sept participants ont examiné la façon dont le plan climat européen se "
                    "concrétise à Gand. La plupart des groupes ont jugé l'échéance de 2050 tardive et "
                    "souhaitent des objectifs intermédiaires, suivis par quartier dans le rapport annuel de "
                    "durabilité.\n\n"
                    "- **La rénovation des logements** est revenue le plus souvent : les locataires craignent "
                    "d'en payer la facture, les propriétaires souhaitent être mieux accompagnés pour les primes "
                    "et les aides européennes.\n"
                    "- **Mobilité et verdure** : des itinéraires cyclables sûrs et plus d'arbres contre la "
                    "chaleur estivale.\n"
                    "- **Une répartition équitable** : selon un groupe plus restreint, les coûts ne doivent "
                    "pas peser uniquement sur les ménages.\n\n"
                    "La Ville tiendra compte de ces propositions dans sa réponse à la consultation."
                ),
            },
            "attendees": 47,
        },
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "nspd-grensgesprek",
        "consultation": "north-sea-port-district",
        "title": {
            "nl": "Grensgesprek North Sea Port District: samen met Zeeland vooruit",
            "en": "North Sea Port District border talk: working together with Zeeland",
            "fr": "Dialogue transfrontalier North Sea Port District : avancer avec la Zélande",
        },
        "description": {
            "nl": (
                "Sinds 2021 werken Gent, Evergem en Zelzate in het North Sea Port District samen met "
                "Terneuzen, Vlissingen en Borsele en met de provincies Oost-Vlaanderen en Zeeland. "
                "Duurzaamheid, leefbaarheid en mobiliteit staan bovenaan de agenda. Op deze avond horen we "
                "graag van bewoners, pendelaars en ondernemers uit de kanaalzone, aan beide kanten van de "
                "grens. Woon je in Zeeland? Dan kun je ook online meedoen.\n\n"
                "**Programma**\n\n"
                "- 19.30 uur: hoe werkt het North Sea Port District?\n"
                "- 19.50 uur: gesprekstafels over duurzaamheid, leefbaarheid en mobiliteit\n"
                "- 20.50 uur: conclusies van de tafels\n"
                "- 21.15 uur: volgende stappen en afsluiting"
            ),
            "en": (
                "Since 2021, Ghent, Evergem and Zelzate have been working in the North Sea Port District with "
                "Terneuzen, Vlissingen and Borsele and with the provinces of East Flanders and Zeeland. "
                "Sustainability, quality of life and mobility top the agenda. This evening we want to hear "
                "from residents, commuters and business owners in the canal zone, on both sides of the "
                "border. Living in Zeeland? You can also join online. The evening is held in Dutch.\n\n"
                "**Programme**\n\n"
                "- 7.30 pm: how does the North Sea Port District work?\n"
                "- 7.50 pm: discussion tables on sustainability, quality of life and mobility\n"
                "- 8.50 pm: conclusions from the tables\n"
                "- 9.15 pm: next steps and close"
            ),
            "fr": (
                "Depuis 2021, Gand, Evergem et Zelzate collaborent au sein du North Sea Port District avec "
                "Terneuzen, Flessingue et Borsele ainsi qu'avec les provinces de Flandre orientale et de "
                "Zélande. La durabilité, la qualité de vie et la mobilité sont au cœur de l'agenda. Ce soir, "
                "nous voulons entendre habitants, navetteurs et entrepreneurs de la zone du canal, des deux "
                "côtés de la frontière. Depuis la Zélande, participez en ligne. La soirée se déroule en "
                "néerlandais.\n\n"
                "**Programme**\n\n"
                "- 19 h 30 : le fonctionnement du North Sea Port District\n"
                "- 19 h 50 : tables de discussion (durabilité, qualité de vie, mobilité)\n"
                "- 20 h 50 : conclusions des tables\n"
                "- 21 h 15 : prochaines étapes et clôture"
            ),
        },
        "starts_days": -19,
        "start_time": "19:30",
        "duration_minutes": 120,
        "format": "hybrid",
        "venue": "Het Pand",
        "address": "Onderbergen 1, 9000 Gent",
        "online_url": "https://meet.example.org/gent-nspd-grensgesprek",
        "languages": ["nl"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": True,
        "capacity": 80,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Waar loop jij tegenaan als je de grens met Zeeland oversteekt?",
            "en": "What problems do you run into when you cross the border with Zeeland?",
            "fr": "Quelles difficultés rencontrez-vous lorsque vous traversez la frontière avec la Zélande ?",
        },
        "report": {
            "summary": {
                "nl": (
                    "Tweeënvijftig mensen namen deel, van wie een twintigtal online vanuit Zeeland.\n\n"
                    "- **Mobiliteit**: het openbaar vervoer tussen Gent en Terneuzen sluit volgens de "
                    "deelnemers te weinig aan op de werkuren in de haven. Ook een doorlopende fietsroute langs "
                    "het kanaal werd vaak genoemd.\n"
                    "- **Leefbaarheid**: bewoners van de kanaalzone vroegen aandacht voor geluid en "
                    "luchtkwaliteit rond de industrie.\n"
                    "- **Grenspendelaars** pleitten voor één infopunt voor vragen over belastingen en sociale "
                    "zekerheid.\n\n"
                    "Opvallend: veel deelnemers kenden het North Sea Port District nog niet en vragen meer en "
                    "duidelijkere communicatie. De stad deelt de input met alle partners van de samenwerking."
                ),
                "en": (
                    "Fifty-two people took part, about twenty of them online from Zeeland.\n\n"
                    "- **Mobility**: participants felt that public transport between Ghent and Terneuzen fits "
                    "poorly with working hours in the port. A continuous cycle route along the canal was also "
                    "mentioned often.\n"
                    "- **Quality of life**: residents of the canal zone asked for attention to noise and air "
                    "quality around industrial sites.\n"
                    "- **Cross-border commuters** called for a single information point for questions about "
                    "taxes and social security.\n\n"
                    "Striking: many participants had never heard of the North Sea Port District and want more, "
                    "clearer communication. The city shares this input with all partners in the cooperation."
                ),
                "fr": (
                    "Cinquante-deux personnes ont participé, dont une vingtaine en ligne depuis la Zélande.\n\n"
                    "- **Mobilité** : selon les participants, les transports en commun entre Gand et Terneuzen "
                    "sont mal adaptés aux horaires de travail du port. Une piste cyclable continue le long du "
                    "canal a aussi souvent été évoquée.\n"
                    "- **Qualité de vie** : les riverains du canal demandent de l'attention pour le bruit et "
                    "la qualité de l'air autour de l'industrie.\n"
                    "- **Les frontaliers** souhaitent un point d'information unique pour leurs questions sur "
                    "les impôts et la sécurité sociale.\n\n"
                    "Fait marquant : beaucoup ne connaissaient pas encore le North Sea Port District et "
                    "demandent une communication plus claire. La Ville transmet ces contributions aux "
                    "partenaires."
                ),
            },
            "attendees": 52,
        },
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "groene-deal-webinar",
        "consultation": "groene-deal-gent",
        "title": {
            "nl": "Lunchwebinar: de Europese Green Deal in jouw Gentse buurt",
            "en": "Lunchtime webinar: the European Green Deal in your Ghent neighbourhood",
            "fr": "Webinaire de midi : le pacte vert européen dans votre quartier gantois",
        },
        "description": {
            "nl": (
                "Met de consultatie over de Europese Green Deal wil Gent weten hoe die Europese plannen er in "
                "jouw buurt uit moeten zien. In deze lunchwebinar van een uur leggen we uit wat de Green Deal "
                "is, hoe Europese middelen zoals het EFRO en de Green Deal-fondsen in Gent terechtkomen en hoe "
                "je zelf je stem laat horen. Ideaal als je weinig tijd hebt: schuif gewoon aan met je "
                "boterhammen.\n\n"
                "**Programma**\n\n"
                "- 12.30 uur: welkom\n"
                "- 12.35 uur: de Green Deal in tien minuten\n"
                "- 12.50 uur: wat betekent dit voor Gent?\n"
                "- 13.05 uur: vragen van deelnemers\n"
                "- 13.25 uur: zo stem en reageer je op het platform"
            ),
            "en": (
                "With its consultation on the European Green Deal, Ghent wants to know how those European "
                "plans should take shape in your neighbourhood. In this one-hour lunchtime webinar we explain "
                "what the Green Deal is, how European funding such as the ERDF and Green Deal funds reaches "
                "Ghent, and how you can make your voice heard. Short on time? Just bring your lunch and join "
                "us.\n\n"
                "**Programme**\n\n"
                "- 12.30 pm: welcome\n"
                "- 12.35 pm: the Green Deal in ten minutes\n"
                "- 12.50 pm: what does this mean for Ghent?\n"
                "- 1.05 pm: questions from participants\n"
                "- 1.25 pm: how to vote and comment on the platform"
            ),
            "fr": (
                "Avec sa consultation sur le pacte vert européen, Gand veut savoir comment ces projets "
                "européens doivent prendre forme dans votre quartier. Pendant ce webinaire d'une heure, nous "
                "expliquons ce qu'est le pacte vert, comment des fonds européens comme le FEDER et les fonds "
                "du pacte vert arrivent à Gand et comment vous pouvez faire entendre votre voix. Peu de "
                "temps ? Rejoignez-nous avec votre pique-nique.\n\n"
                "**Programme**\n\n"
                "- 12 h 30 : accueil\n"
                "- 12 h 35 : le pacte vert en dix minutes\n"
                "- 12 h 50 : qu'est-ce que cela change pour Gand ?\n"
                "- 13 h 05 : questions des participants\n"
                "- 13 h 25 : comment voter et réagir sur la plateforme"
            ),
        },
        "starts_days": -6,
        "start_time": "12:30",
        "duration_minutes": 60,
        "format": "online",
        "venue": None,
        "address": None,
        "online_url": "https://meet.example.org/gent-green-deal-lunchwebinar",
        "languages": ["nl", "en"],
        "step_free": False,
        "sign_language": False,
        "induction_loop": False,
        "capacity": 100,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welke vraag wil je vooraf aan de sprekers stellen?",
            "en": "Which question would you like to put to the speakers in advance?",
            "fr": "Quelle question souhaitez-vous poser aux intervenants à l'avance ?",
        },
        "report": {
            "summary": {
                "nl": (
                    "Vierenzestig mensen volgden de webinar, meer dan verwacht. De meeste vragen gingen over "
                    "de weg van Europees geld naar concrete projecten in de wijken.\n\n"
                    "- Hoeveel geld komt er echt in Gent terecht, en wie beslist waarvoor het gebruikt wordt?\n"
                    "- Verenigingen vinden de aanvragen te ingewikkeld voor kleine organisaties en vragen "
                    "begeleiding.\n"
                    "- Verschillende deelnemers wilden weten hoe Gent via het Burgemeestersconvenant en "
                    "Climate Alliance met andere steden samenwerkt.\n"
                    "- Er was vraag naar meer informatie in het Engels.\n\n"
                    "Deze opmerkingen worden meegenomen in het verdere verloop van de consultatie."
                ),
                "en": (
                    "Sixty-four people followed the webinar, more than expected. Most questions were about "
                    "how European money turns into concrete projects in the neighbourhoods.\n\n"
                    "- How much funding actually reaches Ghent, and who decides what it is used for?\n"
                    "- Associations find the application process too complicated for small organisations and "
                    "ask for support.\n"
                    "- Several participants wanted to know how Ghent works with other cities through the "
                    "Covenant of Mayors and Climate Alliance.\n"
                    "- There was a request for more information in English.\n\n"
                    "These remarks will be taken on board for the rest of the consultation."
                ),
                "fr": (
                    "Soixante-quatre personnes ont suivi le webinaire, plus que prévu. La plupart des questions "
                    "portaient sur le chemin que parcourt l'argent européen jusqu'aux projets concrets dans les "
                    "quartiers.\n\n"
                    "- Quelle part des fonds arrive réellement à Gand, et qui décide de leur affectation ?\n"
                    "- Les associations trouvent les demandes trop compliquées pour les petites structures et "
                    "souhaitent un accompagnement.\n"
                    "- Plusieurs participants voulaient savoir comment Gand collabore avec d'autres villes via "
                    "la Convention des maires et Climate Alliance.\n"
                    "- Des participants ont demandé plus d'informations en anglais.\n\n"
                    "Ces remarques seront prises en compte pour la suite de la consultation."
                ),
            },
            "attendees": 64,
        },
        "cancelled": False,
        "cancel_reason": None,
    },
    # ---------------------------------------------------------------- future events
    {
        "key": "talentcafe",
        "consultation": "internationaal-talent",
        "title": {
            "nl": "Internationaal talentcafé: wat maakt Gent tot je thuis?",
            "en": "International talent café: what makes Ghent feel like home?",
            "fr": "Café des talents internationaux : qu'est-ce qui fait de Gand un chez-soi ?",
        },
        "description": {
            "nl": (
                "Gent telt meer dan 150 nationaliteiten. Veel nieuwe Gentenaars komen hier studeren, "
                "doctoreren, een bedrijf starten of werken in de regio. Wat helpt hen om zich thuis te voelen, "
                "en waar lopen ze op vast? In dit informele talentcafé delen internationale inwoners hun "
                "ervaringen met elkaar en met Gentenaars die met hen samenwerken, zoals werkgevers, "
                "hogescholen en verenigingen. Je spreekt gewoon de taal waarin jij je het best voelt.\n\n"
                "**Programma**\n\n"
                "- 19.00 uur: welkomstdrankje en hapjes\n"
                "- 19.15 uur: korte toelichting bij de consultatie\n"
                "- 19.30 uur: tafelgesprekken over wonen, werk, taal en vrije tijd\n"
                "- 20.40 uur: elke tafel deelt één tip voor nieuwkomers"
            ),
            "en": (
                "Ghent is home to more than 150 nationalities. Many new Ghentians come here to study, do a "
                "PhD, start a business or work in the region. What helps them feel at home, and where do they "
                "get stuck? In this informal talent café, international residents share their experiences "
                "with each other and with people in Ghent who work with them, such as employers, colleges and "
                "associations. Just speak the language you feel most comfortable in.\n\n"
                "**Programme**\n\n"
                "- 7 pm: welcome drink and snacks\n"
                "- 7.15 pm: a short introduction to the consultation\n"
                "- 7.30 pm: table talks on housing, work, language and leisure\n"
                "- 8.40 pm: each table shares one tip for newcomers"
            ),
            "fr": (
                "Gand compte plus de 150 nationalités. Beaucoup de nouveaux Gantois viennent ici pour "
                "étudier, préparer un doctorat, lancer une entreprise ou travailler dans la région. Qu'est-ce "
                "qui les aide à se sentir chez eux, et quels obstacles rencontrent-ils ? Dans ce café informel, des habitants "
                "internationaux partagent leurs expériences entre eux et avec des Gantois qui travaillent à "
                "leurs côtés : employeurs, hautes écoles, associations. Parlez la langue de votre choix.\n\n"
                "**Programme**\n\n"
                "- 19 h : verre d'accueil et collations\n"
                "- 19 h 15 : brève présentation de la consultation\n"
                "- 19 h 30 : discussions sur le logement, le travail, la langue et les loisirs\n"
                "- 20 h 40 : chaque table partage un conseil pour les nouveaux arrivants"
            ),
        },
        "starts_days": 1,
        "start_time": "19:00",
        "duration_minutes": 120,
        "format": "in_person",
        "venue": "De Centrale",
        "address": "Kraankindersstraat 2, 9000 Gent",
        "online_url": None,
        "languages": ["en", "nl", "fr"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": False,
        "capacity": 40,
        "ask_dietary": True,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Wat vond je het moeilijkst toen je je in Gent kwam vestigen?",
            "en": "What did you find hardest when you settled in Ghent?",
            "fr": "Qu'avez-vous trouvé le plus difficile en vous installant à Gand ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "groene-deal-buurtatelier",
        "consultation": "groene-deal-gent",
        "title": {
            "nl": "Green Deal-buurtatelier: samen je wijk vergroenen",
            "en": "Green Deal neighbourhood workshop: greening your area together",
            "fr": "Atelier de quartier sur le pacte vert : verdir ensemble votre quartier",
        },
        "description": {
            "nl": (
                "Hoe vertaal je de Europese Green Deal naar jouw straat? In dit praktische buurtatelier buig "
                "je je met buren en medewerkers van de stad over grote kaarten van Gent. Samen zoeken we "
                "plekken voor meer groen, verkoeling bij hitte, ruimte voor water en veiligere fietsroutes. "
                "De sterkste ideeën gaan als input naar de consultatie. Er is een tolk Vlaamse Gebarentaal. "
                "De abdij is niet overal drempelvrij: laat bij je inschrijving weten wat je nodig hebt.\n\n"
                "**Programma**\n\n"
                "- 14.00 uur: onthaal met koffie\n"
                "- 14.15 uur: korte wandeling in de buurt\n"
                "- 14.45 uur: in kleine groepen aan de slag met de kaarten\n"
                "- 16.15 uur: ideeën voorstellen\n"
                "- 16.45 uur: drankje"
            ),
            "en": (
                "How do you translate the European Green Deal to your own street? In this hands-on "
                "neighbourhood workshop, you and your neighbours work with city staff on large maps of Ghent. "
                "Together we look for places for more greenery, cooling during heatwaves, room for water and "
                "safer cycle routes. The best ideas feed into the consultation. A Flemish Sign Language "
                "interpreter is present. The abbey is not fully step-free: tell us what you need when you "
                "register. The workshop is in Dutch.\n\n"
                "**Programme**\n\n"
                "- 2 pm: welcome with coffee\n"
                "- 2.15 pm: short walk around the area\n"
                "- 2.45 pm: working on the maps in small groups\n"
                "- 4.15 pm: presenting ideas\n"
                "- 4.45 pm: drinks"
            ),
            "fr": (
                "Comment traduire le pacte vert européen dans votre rue ? Dans cet atelier pratique, vous "
                "travaillez avec vos voisins et la Ville sur de grandes cartes de Gand. Ensemble, nous "
                "cherchons des endroits pour plus de verdure, de fraîcheur et d'eau, et des itinéraires "
                "cyclables plus sûrs. Les meilleures idées alimentent la consultation. Un interprète en langue "
                "des signes flamande est présent. L'abbaye n'est pas entièrement de plain-pied : signalez-nous "
                "vos besoins. L'atelier se déroule en néerlandais.\n\n"
                "**Programme**\n\n"
                "- 14 h : accueil avec café\n"
                "- 14 h 15 : promenade dans le quartier\n"
                "- 14 h 45 : travail sur les cartes\n"
                "- 16 h 15 : présentation des idées\n"
                "- 16 h 45 : verre"
            ),
        },
        "starts_days": 5,
        "start_time": "14:00",
        "duration_minutes": 180,
        "format": "in_person",
        "venue": "Sint-Pietersabdij",
        "address": "Sint-Pietersplein 9, 9000 Gent",
        "online_url": None,
        "languages": ["nl"],
        "step_free": False,
        "sign_language": True,
        "induction_loop": False,
        "capacity": 30,
        "ask_dietary": True,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welke plek in je buurt kan volgens jou groener of duurzamer?",
            "en": "Which place in your neighbourhood could be greener or more sustainable?",
            "fr": "Quel endroit de votre quartier pourrait être plus vert ou plus durable ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "cultuur-2030-stadsgesprek",
        "consultation": "culturele-hoofdstad-2030",
        "title": {
            "nl": "Stadsgesprek: Gent als Culturele Hoofdstad van Europa in 2030?",
            "en": "City conversation: Ghent as European Capital of Culture in 2030?",
            "fr": "Débat citoyen : Gand, Capitale européenne de la culture en 2030 ?",
        },
        "description": {
            "nl": (
                "Gent wil in 2030 Culturele Hoofdstad van Europa worden. Wat zou die titel betekenen voor "
                "kunstenaars, voor verenigingen in de wijken en voor jou? In dit stadsgesprek gaan mensen uit "
                "de Gentse cultuursector, jongeren en buurtwerkers met elkaar en met het publiek in gesprek. "
                "Je praat mee in de zaal of online. Er zijn tolken Vlaamse Gebarentaal en de zaal heeft een "
                "ringleiding.\n\n"
                "**Programma**\n\n"
                "- 20.00 uur: de ambitie voor 2030 in vogelvlucht\n"
                "- 20.15 uur: panelgesprek\n"
                "- 20.50 uur: vragen en reacties uit de zaal en online\n"
                "- 21.45 uur: samenvatting en slotwoord\n"
                "- Daarna: napraten in het café"
            ),
            "en": (
                "Ghent wants to become European Capital of Culture in 2030. What would the title mean for "
                "artists, for community groups in the neighbourhoods and for you? In this city conversation, "
                "people from Ghent's cultural sector, young people and community workers talk with each other "
                "and with the audience. Join in the hall or online. Flemish Sign Language interpreters are "
                "present and the hall has an induction loop.\n\n"
                "**Programme**\n\n"
                "- 8 pm: the ambition for 2030 at a glance\n"
                "- 8.15 pm: panel discussion\n"
                "- 8.50 pm: questions and reactions from the hall and online\n"
                "- 9.45 pm: summary and closing words\n"
                "- Afterwards: drinks and conversation in the café"
            ),
            "fr": (
                "Gand veut devenir Capitale européenne de la culture en 2030. Que signifierait ce titre pour "
                "les artistes, pour les associations de quartier et pour vous ? Lors de ce débat, des acteurs "
                "du secteur culturel gantois, des jeunes et des travailleurs de quartier dialoguent entre eux "
                "et avec le public, dans la salle ou en ligne. La salle dispose d'une boucle magnétique et "
                "d'une interprétation en langue des signes flamande.\n\n"
                "**Programme**\n\n"
                "- 20 h : l'ambition pour 2030 en bref\n"
                "- 20 h 15 : table ronde\n"
                "- 20 h 50 : questions et réactions de la salle et en ligne\n"
                "- 21 h 45 : synthèse et mot de clôture\n"
                "- Ensuite : verre au café"
            ),
        },
        "starts_days": 9,
        "start_time": "20:00",
        "duration_minutes": 120,
        "format": "hybrid",
        "venue": "Vooruit",
        "address": "Sint-Pietersnieuwstraat 23, 9000 Gent",
        "online_url": "https://meet.example.org/gent-cultuur-2030",
        "languages": ["nl", "en", "fr"],
        "step_free": True,
        "sign_language": True,
        "induction_loop": True,
        "capacity": 120,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welk Gents cultureel verhaal moet Europa zeker leren kennen?",
            "en": "Which cultural story from Ghent should Europe definitely get to know?",
            "fr": "Quelle histoire culturelle gantoise l'Europe doit-elle absolument découvrir ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "internationale-school-infosessie",
        "consultation": "internationaal-talent",
        "title": {
            "nl": "Online infosessie: een internationale secundaire school in Gent?",
            "en": "Online information session: an international secondary school in Ghent?",
            "fr": "Séance d'info en ligne : une école secondaire internationale à Gand ?",
        },
        "description": {
            "nl": (
                "Om internationaal talent aan te trekken en te houden, onderzoekt de stad of er een "
                "internationale secundaire school in Gent kan komen. In deze online infosessie lichten we toe "
                "wat er precies onderzocht wordt en welke vragen nog openliggen: het leerprogramma, de "
                "onderwijstalen, de kostprijs en de toegankelijkheid voor Gentse kinderen. We luisteren ook "
                "naar jouw verwachtingen. De sessie is bedoeld voor ouders, leerkrachten, werkgevers en "
                "studenten.\n\n"
                "**Programma**\n\n"
                "- 20.00 uur: waarom een internationale school?\n"
                "- 20.15 uur: wat het onderzoek in kaart brengt\n"
                "- 20.30 uur: vragen en reacties in het Nederlands, Engels of Frans\n"
                "- 21.05 uur: zo doe je verder mee aan de consultatie"
            ),
            "en": (
                "To attract and retain international talent, the city is examining whether an international "
                "secondary school could be set up in Ghent. In this online information session we explain "
                "exactly what is being studied and which questions are still open: the curriculum, the "
                "languages of instruction, the cost and access for children from Ghent. We also want to hear "
                "your expectations. The session is meant for parents, teachers, employers and students.\n\n"
                "**Programme**\n\n"
                "- 8 pm: why an international school?\n"
                "- 8.15 pm: what the study looks into\n"
                "- 8.30 pm: questions and reactions in Dutch, English or French\n"
                "- 9.05 pm: how to take part further in the consultation"
            ),
            "fr": (
                "Pour attirer et retenir les talents internationaux, la Ville examine la possibilité d'ouvrir "
                "une école secondaire internationale à Gand. Lors de cette séance en ligne, nous expliquons ce "
                "qui est étudié et quelles questions restent ouvertes : le programme, les langues "
                "d'enseignement, le coût et l'accès pour les enfants gantois. Nous voulons aussi connaître vos "
                "attentes. La séance s'adresse aux parents, aux enseignants, aux employeurs et aux "
                "étudiants.\n\n"
                "**Programme**\n\n"
                "- 20 h : pourquoi une école internationale ?\n"
                "- 20 h 15 : ce que l'étude examine\n"
                "- 20 h 30 : questions et réactions en néerlandais, en anglais ou en français\n"
                "- 21 h 05 : comment continuer à participer à la consultation"
            ),
        },
        "starts_days": 13,
        "start_time": "20:00",
        "duration_minutes": 75,
        "format": "online",
        "venue": None,
        "address": None,
        "online_url": "https://meet.example.org/gent-internationale-school",
        "languages": ["en", "nl", "fr"],
        "step_free": False,
        "sign_language": False,
        "induction_loop": False,
        "capacity": 100,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welke vraag over een internationale secundaire school wil je zeker beantwoord zien?",
            "en": "Which question about an international secondary school would you like answered?",
            "fr": "À quelle question sur une école secondaire internationale souhaitez-vous une réponse ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "kanazawa-tafelgesprek",
        "consultation": "zustersteden-kanazawa",
        "title": {
            "nl": "Tafelgesprek Kanazawa: hoe geven we onze enige zusterstad vorm?",
            "en": "Kanazawa table talk: shaping the future of our only sister city",
            "fr": "Table ronde Kanazawa : quel avenir pour notre seule ville jumelle ?",
        },
        "description": {
            "nl": (
                "Het Japanse Kanazawa is al sinds 1973 de zusterstad van Gent. Bij de herziening van de "
                "stedenbanden besliste de stad om alleen deze band te behouden, en de resultaten van de "
                "consultatie daarover zijn intussen gepubliceerd. Aan deze kleine tafel praat je met de dienst "
                "Internationale Relaties en Netwerking over de volgende stappen: jongerenuitwisselingen, "
                "culturele en academische samenwerking, culinaire uitwisseling en kennisdeling. Dat doen we "
                "bij een eenvoudige, door Japan geïnspireerde maaltijd. Er zijn maar acht plaatsen; daarna kom "
                "je op de wachtlijst.\n\n"
                "**Programma**\n\n"
                "- 18.30 uur: welkom en de resultaten in het kort\n"
                "- 18.50 uur: tafelgesprek tijdens de maaltijd\n"
                "- 20.15 uur: afronding"
            ),
            "en": (
                "The Japanese city of Kanazawa has been Ghent's sister city since 1973. When the city reviewed "
                "its twinning links, it decided to keep only this one, and the results of the consultation on "
                "that choice have now been published. Around this small table you talk with the International "
                "Relations and Networking service about the next steps: youth exchanges, cultural and academic "
                "cooperation, culinary exchange and knowledge sharing. We do so over a simple Japanese-inspired "
                "meal. There are only eight places; after that you join the waiting list.\n\n"
                "**Programme**\n\n"
                "- 6.30 pm: welcome and the results in brief\n"
                "- 6.50 pm: table talk over dinner\n"
                "- 8.15 pm: wrap-up"
            ),
            "fr": (
                "La ville japonaise de Kanazawa est jumelée avec Gand depuis 1973. En revoyant ses jumelages, "
                "la Ville a décidé de ne conserver que celui-ci, et les résultats de la consultation sur ce "
                "choix sont désormais publiés. Autour de cette petite table, vous discutez des prochaines étapes "
                "avec le service des Relations internationales et du Réseautage : échanges de jeunes, "
                "coopération culturelle et académique, échanges culinaires et partage de connaissances. Le "
                "tout autour d'un repas simple d'inspiration japonaise. Il n'y a que huit places ; ensuite, "
                "vous êtes inscrit sur la liste d'attente.\n\n"
                "**Programme**\n\n"
                "- 18 h 30 : accueil et résultats en bref\n"
                "- 18 h 50 : discussion pendant le repas\n"
                "- 20 h 15 : conclusion"
            ),
        },
        "starts_days": 17,
        "start_time": "18:30",
        "duration_minutes": 120,
        "format": "in_person",
        "venue": "Het Pand",
        "address": "Onderbergen 1, 9000 Gent",
        "online_url": None,
        "languages": ["nl", "en"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": False,
        "capacity": 8,
        "ask_dietary": True,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Heb je zelf banden met Kanazawa of Japan? Vertel er kort over.",
            "en": "Do you have any ties with Kanazawa or Japan yourself? Tell us briefly.",
            "fr": "Avez-vous vous-même des liens avec Kanazawa ou le Japon ? Racontez-nous en quelques mots.",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "technologiehoofdstad-infoavond",
        "consultation": "technologiehoofdstad",
        "title": {
            "nl": "Infoavond: Gent op weg naar technologiehoofdstad van Europa",
            "en": "Information evening: Ghent on its way to becoming Europe's tech capital",
            "fr": "Soirée d'information : Gand, future capitale technologique de l'Europe ?",
        },
        "description": {
            "nl": (
                "Gent wil uitgroeien tot de technologiehoofdstad van Europa. Binnenkort opent daarover een "
                "consultatie; op deze infoavond krijg je alvast een voorsmaakje. Wat betekent die ambitie "
                "voor werk, onderwijs en onderzoek in Gent? En hoe zorgen we ervoor dat digitale innovatie "
                "voor iedereen toegankelijk blijft? Onderzoekers, jonge ondernemers en organisaties die rond "
                "digitale inclusie werken, geven hun kijk. Daarna ben jij aan het woord.\n\n"
                "**Programma**\n\n"
                "- 19.30 uur: de ambitie uitgelegd\n"
                "- 19.45 uur: drie korte pitches\n"
                "- 20.15 uur: gesprek met de zaal: wie wint erbij, wie dreigt achter te blijven?\n"
                "- 21.15 uur: vooruitblik op de vragen van de consultatie"
            ),
            "en": (
                "Ghent wants to grow into Europe's technology capital. A consultation on this will open soon, "
                "and this information evening gives you a first taste. What does the ambition mean for jobs, "
                "education and research in Ghent? And how do we make sure digital innovation stays accessible "
                "to everyone? Researchers, young entrepreneurs and organisations working on digital inclusion "
                "share their views. Then it's your turn.\n\n"
                "**Programme**\n\n"
                "- 7.30 pm: the ambition explained\n"
                "- 7.45 pm: three short pitches\n"
                "- 8.15 pm: open discussion: who gains, and who risks being left behind?\n"
                "- 9.15 pm: a preview of the consultation questions"
            ),
            "fr": (
                "Gand veut devenir la capitale technologique de l'Europe. Une consultation sur ce thème "
                "s'ouvrira bientôt ; cette soirée vous en donne un avant-goût. Que signifie cette ambition "
                "pour l'emploi, l'enseignement et la recherche à Gand ? Et comment faire en sorte que "
                "l'innovation numérique reste accessible à tous ? Des chercheurs, de jeunes entrepreneurs et "
                "des organisations actives dans l'inclusion numérique donnent leur avis. Puis, la parole est "
                "à vous.\n\n"
                "**Programme**\n\n"
                "- 19 h 30 : l'ambition expliquée\n"
                "- 19 h 45 : trois courtes présentations\n"
                "- 20 h 15 : débat : qui y gagne, qui risque de rester sur le carreau ?\n"
                "- 21 h 15 : aperçu des questions de la consultation"
            ),
        },
        "starts_days": 22,
        "start_time": "19:30",
        "duration_minutes": 120,
        "format": "in_person",
        "venue": "Wintercircus",
        "address": "Lammerstraat 13, 9000 Gent",
        "online_url": None,
        "languages": ["nl", "en"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": True,
        "capacity": 70,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welke vraag over digitale innovatie in Gent wil je zeker aan bod zien komen?",
            "en": "Which question about digital innovation in Ghent would you like to see addressed?",
            "fr": "Quelle question sur l'innovation numérique à Gand souhaitez-vous voir abordée ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "jongerenhoofdstad-resultatenavond",
        "consultation": "europese-jongerenhoofdstad",
        "title": {
            "nl": "Resultatenavond: wat blijft er van Europese Jongerenhoofdstad 2024?",
            "en": "Results evening: the legacy of European Youth Capital 2024",
            "fr": "Soirée des résultats : l'héritage de Capitale européenne de la jeunesse 2024",
        },
        "description": {
            "nl": (
                "De ambitie om Europese Jongerenhoofdstad 2024 te worden, zette in Gent heel wat in beweging. "
                "In de consultatie vertelden jonge Gentenaars wat daarvan moet blijven. Op deze avond stellen "
                "jongeren en jeugdorganisaties samen met de stad de resultaten voor, en hoor je wat de stad "
                "ermee doet. Welkom aan iedereen tussen 16 en 30 jaar, aan jeugdwerkers en aan iedereen die "
                "mee heeft nagedacht.\n\n"
                "**Programma**\n\n"
                "- 19.00 uur: welkom\n"
                "- 19.10 uur: de resultaten, voorgesteld door jongeren\n"
                "- 19.40 uur: het antwoord van de stad\n"
                "- 20.00 uur: open gesprek\n"
                "- 20.45 uur: drankje en muziek"
            ),
            "en": (
                "The ambition to become European Youth Capital 2024 set a lot in motion in Ghent. In the "
                "consultation, young people from Ghent told us what should remain of it. At this evening, "
                "young people and youth organisations present the results together with the city, and you "
                "hear what the city will do with them. Everyone aged 16 to 30 is welcome, as are youth "
                "workers and everyone who took part.\n\n"
                "**Programme**\n\n"
                "- 7 pm: welcome\n"
                "- 7.10 pm: the results, presented by young people\n"
                "- 7.40 pm: the city's response\n"
                "- 8 pm: open conversation\n"
                "- 8.45 pm: drinks and music"
            ),
            "fr": (
                "L'ambition de devenir Capitale européenne de la jeunesse en 2024 a mis beaucoup de choses en "
                "mouvement à Gand. Lors de la consultation, de jeunes Gantois ont dit ce qui doit en rester. "
                "Ce soir-là, des jeunes et des organisations de jeunesse présentent les résultats avec la "
                "Ville, et vous découvrez ce que la Ville compte en faire. Bienvenue aux 16-30 ans, aux "
                "animateurs jeunesse et à toutes les personnes qui ont participé.\n\n"
                "**Programme**\n\n"
                "- 19 h : accueil\n"
                "- 19 h 10 : les résultats, présentés par des jeunes\n"
                "- 19 h 40 : la réponse de la Ville\n"
                "- 20 h : discussion ouverte\n"
                "- 20 h 45 : verre et musique"
            ),
        },
        "starts_days": 26,
        "start_time": "19:00",
        "duration_minutes": 120,
        "format": "in_person",
        "venue": "Bijloke",
        "address": "Jozef Kluyskensstraat 2, 9000 Gent",
        "online_url": None,
        "languages": ["nl", "en"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": True,
        "capacity": 90,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": None,
        "report": None,
        "cancelled": True,
        "cancel_reason": {
            "nl": (
                "De jeugdorganisaties die de resultaten mee voorstellen, vroegen meer tijd om zich voor te "
                "bereiden. We zoeken een nieuwe datum en brengen iedereen die ingeschreven was op de hoogte."
            ),
            "en": (
                "The youth organisations co-presenting the results asked for more time to prepare. We are "
                "looking for a new date and will let everyone who registered know."
            ),
            "fr": (
                "Les organisations de jeunesse qui coprésentent les résultats ont demandé plus de temps pour "
                "se préparer. Nous cherchons une nouvelle date et en informerons toutes les personnes inscrites."
            ),
        },
    },
    {
        "key": "sdg-avond",
        "consultation": "duurzaamheidsdoelen",
        "title": {
            "nl": "SDG-avond: denk mee over het Gentse duurzaamheidsrapport",
            "en": "SDG evening: help shape Ghent's sustainability report",
            "fr": "Soirée ODD : contribuez au rapport de durabilité de Gand",
        },
        "description": {
            "nl": (
                "Gent steunt actief de duurzame ontwikkelingsdoelen (SDG's) van de Verenigde Naties en "
                "publiceert sinds 2020 elk jaar een duurzaamheidsrapport, als een van de weinige steden in "
                "België en Europa. Binnenkort vragen we je mening over die doelen. Op deze avond ontdek je hoe "
                "het rapport tot stand komt en bespreek je wat er volgens jou in moet staan. Extra aandacht "
                "gaat naar de drie thema's van het Gentse mondiale solidariteitsbeleid: eerlijke handel, "
                "mensenrechten en dekolonisering.\n\n"
                "**Programma**\n\n"
                "- 19.00 uur: de SDG's en het Gentse rapport\n"
                "- 19.25 uur: gesprekstafels per thema, ook online\n"
                "- 20.30 uur: terugkoppeling\n"
                "- 20.50 uur: zo doe je mee aan de consultatie"
            ),
            "en": (
                "Ghent actively supports the United Nations Sustainable Development Goals (SDGs) and, as one "
                "of only a few cities in Belgium and Europe, has published a sustainability report every year "
                "since 2020. We will soon ask for your views on these goals. This evening you find out how the "
                "report is put together and discuss what you think it should contain. We pay special "
                "attention to the three themes of Ghent's global solidarity policy: fair trade, human rights "
                "and decolonisation.\n\n"
                "**Programme**\n\n"
                "- 7 pm: the SDGs and Ghent's report\n"
                "- 7.25 pm: discussion tables per theme, also online\n"
                "- 8.30 pm: feedback\n"
                "- 8.50 pm: how to take part in the consultation"
            ),
            "fr": (
                "Gand soutient activement les objectifs de développement durable (ODD) des Nations unies et "
                "publie chaque année depuis 2020 un rapport de durabilité, comme l'une des rares villes de "
                "Belgique et d'Europe à le faire. Nous vous demanderons bientôt votre avis sur ces objectifs. "
                "Découvrez comment le rapport est élaboré et dites-nous ce qu'il devrait contenir. Une "
                "attention particulière va aux trois thèmes de la politique gantoise de solidarité "
                "mondiale : commerce équitable, droits humains et décolonisation.\n\n"
                "**Programme**\n\n"
                "- 19 h : les ODD et le rapport gantois\n"
                "- 19 h 25 : tables de discussion par thème, aussi en ligne\n"
                "- 20 h 30 : restitution\n"
                "- 20 h 50 : comment participer à la consultation"
            ),
        },
        "starts_days": 31,
        "start_time": "19:00",
        "duration_minutes": 120,
        "format": "hybrid",
        "venue": "ICC Gent",
        "address": "Van Rysselberghedreef 2, 9000 Gent",
        "online_url": "https://meet.example.org/gent-sdg-avond",
        "languages": ["nl", "en", "fr"],
        "step_free": True,
        "sign_language": False,
        "induction_loop": True,
        "capacity": 120,
        "ask_dietary": False,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Welk duurzaamheidsdoel verdient volgens jou meer aandacht in Gent?",
            "en": "Which sustainability goal do you think deserves more attention in Ghent?",
            "fr": "Selon vous, quel objectif de durabilité mérite plus d'attention à Gand ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
    {
        "key": "internationale-avond",
        "consultation": None,
        "title": {
            "nl": "Internationale avond: het Gentse internationale beleid in gesprek",
            "en": "International evening: let's talk about Ghent's international policy",
            "fr": "Soirée internationale : parlons de la politique internationale de Gand",
        },
        "description": {
            "nl": (
                "Op de jaarlijkse internationale avond blikt de stad terug op een jaar internationaal beleid "
                "en kijkt ze vooruit. Je hoort hoe het staat met de vier topprioriteiten, wat Gent doet in "
                "Eurocities, waarvan de stad sinds 1998 lid is, en wat het lidmaatschap van meer dan 40 "
                "internationale netwerken oplevert. Daarna stel je je vragen rechtstreeks aan de bevoegde "
                "schepen. Iedereen is welkom, met of zonder voorkennis. Er is tolking in Vlaamse "
                "Gebarentaal.\n\n"
                "**Programma**\n\n"
                "- 19.00 uur: onthaal\n"
                "- 19.20 uur: het internationale jaar van Gent in beeld\n"
                "- 19.50 uur: vragenronde met de bevoegde schepen\n"
                "- 20.40 uur: infomarkt over de lopende consultaties\n"
                "- 21.00 uur: receptie"
            ),
            "en": (
                "At the yearly international evening, the city looks back on a year of international policy "
                "and looks ahead. You hear how the four top priorities are progressing, what Ghent does in "
                "Eurocities, which it joined in 1998, and what membership of more than 40 international "
                "networks brings. Then you put your questions directly to the responsible alderman. Everyone "
                "is welcome, with or without prior knowledge. Flemish Sign Language interpreting is "
                "provided.\n\n"
                "**Programme**\n\n"
                "- 7 pm: welcome\n"
                "- 7.20 pm: Ghent's international year in pictures\n"
                "- 7.50 pm: questions for the responsible alderman\n"
                "- 8.40 pm: information market on the current consultations\n"
                "- 9 pm: reception"
            ),
            "fr": (
                "Lors de la soirée internationale annuelle, la Ville fait le bilan de l'année écoulée et "
                "regarde vers l'avenir. Vous apprenez où en sont les quatre grandes "
                "priorités, ce que fait Gand au sein d'Eurocities, dont elle est membre depuis 1998, et ce "
                "qu'apporte l'adhésion à plus de 40 réseaux internationaux. Vous posez ensuite vos questions "
                "directement à l'échevin compétent. Tout le monde est le bienvenu, sans connaissances "
                "préalables. Une interprétation en langue des signes flamande est prévue.\n\n"
                "**Programme**\n\n"
                "- 19 h : accueil\n"
                "- 19 h 20 : l'année internationale de Gand en images\n"
                "- 19 h 50 : questions à l'échevin compétent\n"
                "- 20 h 40 : marché d'information sur les consultations en cours\n"
                "- 21 h : réception"
            ),
        },
        "starts_days": 38,
        "start_time": "19:00",
        "duration_minutes": 150,
        "format": "in_person",
        "venue": "Stadhuis Gent – Pacificatiezaal",
        "address": "Botermarkt 1, 9000 Gent",
        "online_url": None,
        "languages": ["nl", "en", "fr"],
        "step_free": True,
        "sign_language": True,
        "induction_loop": True,
        "capacity": 100,
        "ask_dietary": True,
        "ask_accessibility": True,
        "free_question": {
            "nl": "Over welk onderdeel van het Gentse internationale beleid wil je meer horen?",
            "en": "Which part of Ghent's international policy would you like to hear more about?",
            "fr": "Sur quel volet de la politique internationale de Gand aimeriez-vous en savoir plus ?",
        },
        "report": None,
        "cancelled": False,
        "cancel_reason": None,
    },
]


QUESTIONS = [
    # ------------------------------------------------------------ groene-deal-gent
    {
        "consultation": "groene-deal-gent",
        "kind": "multiple",
        "max_choices": 2,
        "prompt": {
            "nl": "Met welke thema's van de Europese Green Deal moet Gent in de wijken het eerst aan de slag?",
            "en": "Which themes of the European Green Deal should Ghent tackle first in its neighbourhoods?",
            "fr": "Par quels thèmes du pacte vert européen Gand doit-elle commencer dans ses quartiers ?",
        },
        "help": {
            "nl": "Kies maximaal twee thema's.",
            "en": "Choose up to two themes.",
            "fr": "Choisissez deux thèmes au maximum.",
        },
        "options": [
            {
                "nl": "Energiezuinig renoveren van woningen",
                "en": "Energy-efficient renovation of homes",
                "fr": "Rénovation énergétique des logements",
            },
            {
                "nl": "Fietsen en openbaar vervoer",
                "en": "Cycling and public transport",
                "fr": "Vélo et transports en commun",
            },
            {
                "nl": "Circulaire economie en minder afval",
                "en": "Circular economy and less waste",
                "fr": "Économie circulaire et moins de déchets",
            },
            {
                "nl": "Lokaal en duurzaam voedsel",
                "en": "Local and sustainable food",
                "fr": "Alimentation locale et durable",
            },
            {
                "nl": "Meer groen en water tegen hitte",
                "en": "More greenery and water against heat",
                "fr": "Plus de verdure et d'eau contre la chaleur",
            },
        ],
    },
    {
        "consultation": "groene-deal-gent",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Gent moet meer Europese middelen binnenhalen voor klimaatprojecten in de wijken, ook al vraagt dat extra administratie.",
            "en": "Ghent should bring in more European funding for neighbourhood climate projects, even if that means extra paperwork.",
            "fr": "Gand doit obtenir davantage de fonds européens pour des projets climatiques de quartier, même si cela implique plus de démarches administratives.",
        },
        "help": {
            "nl": "Denk bijvoorbeeld aan het EFRO of de Green Deal-fondsen.",
            "en": "Think, for example, of the ERDF or the Green Deal funds.",
            "fr": "Pensez par exemple au FEDER ou aux fonds du pacte vert.",
        },
        "options": [],
    },
    {
        "consultation": "groene-deal-gent",
        "kind": "single",
        "max_choices": None,
        "prompt": {
            "nl": "Hoe wil je het liefst betrokken worden bij Green Deal-projecten in je buurt?",
            "en": "How would you most like to be involved in Green Deal projects in your neighbourhood?",
            "fr": "Comment préférez-vous être associé aux projets du pacte vert dans votre quartier ?",
        },
        "help": None,
        "options": [
            {
                "nl": "Via buurtateliers en wandelingen",
                "en": "Through neighbourhood workshops and walks",
                "fr": "Par des ateliers et des promenades de quartier",
            },
            {
                "nl": "Via online bevragingen zoals deze",
                "en": "Through online consultations like this one",
                "fr": "Par des consultations en ligne comme celle-ci",
            },
            {
                "nl": "Via een burgerpanel waarvan de leden worden uitgeloot",
                "en": "Through a citizens' panel whose members are drawn by lot",
                "fr": "Par un panel citoyen dont les membres sont tirés au sort",
            },
            {
                "nl": "Geïnformeerd worden is voor mij voldoende",
                "en": "Being kept informed is enough for me",
                "fr": "Être informé me suffit",
            },
        ],
    },
    # ---------------------------------------------------- culturele-hoofdstad-2030
    {
        "consultation": "culturele-hoofdstad-2030",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Gent moet zich kandidaat stellen als Culturele Hoofdstad van Europa in 2030.",
            "en": "Ghent should apply to become European Capital of Culture in 2030.",
            "fr": "Gand doit se porter candidate au titre de Capitale européenne de la culture en 2030.",
        },
        "help": None,
        "options": [],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "kind": "multiple",
        "max_choices": 3,
        "prompt": {
            "nl": "Waarover moet een cultuurjaar in Gent vooral gaan?",
            "en": "What should a year of culture in Ghent mainly be about?",
            "fr": "Sur quoi une année culturelle à Gand devrait-elle surtout porter ?",
        },
        "help": {
            "nl": "Kies maximaal drie antwoorden.",
            "en": "Choose up to three answers.",
            "fr": "Choisissez trois réponses au maximum.",
        },
        "options": [
            {
                "nl": "Muziek: Gent is UNESCO-muziekstad",
                "en": "Music: Ghent is a UNESCO City of Music",
                "fr": "La musique : Gand est ville UNESCO de la musique",
            },
            {
                "nl": "Licht en kunst in de publieke ruimte",
                "en": "Light and art in public space",
                "fr": "La lumière et l'art dans l'espace public",
            },
            {
                "nl": "De superdiversiteit van een stad met meer dan 150 nationaliteiten",
                "en": "The super-diversity of a city with more than 150 nationalities",
                "fr": "La superdiversité d'une ville de plus de 150 nationalités",
            },
            {"nl": "Jongerencultuur", "en": "Youth culture", "fr": "La culture des jeunes"},
            {
                "nl": "De geschiedenis en het erfgoed van Gent",
                "en": "Ghent's history and heritage",
                "fr": "L'histoire et le patrimoine de Gand",
            },
            {
                "nl": "Cultuur in alle wijken, niet alleen in het centrum",
                "en": "Culture in every neighbourhood, not just the centre",
                "fr": "La culture dans tous les quartiers, pas seulement au centre",
            },
        ],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "kind": "single",
        "max_choices": None,
        "prompt": {
            "nl": "Waar moet het programma vooral plaatsvinden?",
            "en": "Where should the programme mainly take place?",
            "fr": "Où le programme devrait-il surtout se dérouler ?",
        },
        "help": None,
        "options": [
            {
                "nl": "In de historische binnenstad",
                "en": "In the historic city centre",
                "fr": "Dans le centre historique",
            },
            {
                "nl": "Verspreid over alle Gentse wijken",
                "en": "Spread across all of Ghent's neighbourhoods",
                "fr": "Dans tous les quartiers de Gand",
            },
            {
                "nl": "Samen met de ruimere regio, tot in de kanaalzone en Zeeland",
                "en": "Together with the wider region, including the canal zone and Zeeland",
                "fr": "Avec toute la région, jusqu'à la zone du canal et la Zélande",
            },
            {
                "nl": "Vooral op nieuwe en onverwachte plekken",
                "en": "Mainly in new and unexpected places",
                "fr": "Surtout dans des lieux nouveaux et inattendus",
            },
        ],
    },
    # -------------------------------------------------------- internationaal-talent
    {
        "consultation": "internationaal-talent",
        "kind": "ranking",
        "max_choices": None,
        "prompt": {
            "nl": "Wat helpt internationale inwoners het meest om zich thuis te voelen in Gent? Zet in volgorde.",
            "en": "What helps international residents most to feel at home in Ghent? Put these in order.",
            "fr": "Qu'est-ce qui aide le plus les habitants internationaux à se sentir chez eux à Gand ? Classez.",
        },
        "help": {
            "nl": "Zet bovenaan wat volgens jou het belangrijkst is.",
            "en": "Put what you think matters most at the top.",
            "fr": "Placez en tête ce qui vous semble le plus important.",
        },
        "options": [
            {
                "nl": "Duidelijke informatie in het Engels bij stadsdiensten",
                "en": "Clear information in English at city services",
                "fr": "Des informations claires en anglais auprès des services de la Ville",
            },
            {
                "nl": "Hulp bij het vinden van een woning",
                "en": "Help finding a home",
                "fr": "De l'aide pour trouver un logement",
            },
            {
                "nl": "Lessen Nederlands op flexibele uren",
                "en": "Dutch lessons at flexible times",
                "fr": "Des cours de néerlandais à horaires flexibles",
            },
            {
                "nl": "Gentenaars leren kennen via verenigingen, sport en buddy's",
                "en": "Meeting Ghentians through clubs, sport and buddy schemes",
                "fr": "Rencontrer des Gantois via les associations, le sport et le parrainage",
            },
            {
                "nl": "Ondersteuning voor partners die werk zoeken",
                "en": "Support for partners looking for work",
                "fr": "Un soutien pour les partenaires qui cherchent un emploi",
            },
        ],
    },
    {
        "consultation": "internationaal-talent",
        "kind": "single",
        "max_choices": None,
        "prompt": {
            "nl": "De stad onderzoekt of er een internationale secundaire school in Gent kan komen. Wat vind jij?",
            "en": "The city is examining whether Ghent could have an international secondary school. What do you think?",
            "fr": "La Ville étudie la possibilité d'une école secondaire internationale à Gand. Qu'en pensez-vous ?",
        },
        "help": None,
        "options": [
            {
                "nl": "Ja, een internationale school die voor iedereen betaalbaar is",
                "en": "Yes, an international school that everyone can afford",
                "fr": "Oui, une école internationale abordable pour tous",
            },
            {
                "nl": "Ja, maar met een sterke plaats voor het Nederlands",
                "en": "Yes, but with a strong place for Dutch",
                "fr": "Oui, mais avec une large place pour le néerlandais",
            },
            {
                "nl": "Nee, investeer liever in internationale klassen in bestaande scholen",
                "en": "No, invest in international classes in existing schools instead",
                "fr": "Non, mieux vaut investir dans des classes internationales au sein des écoles existantes",
            },
            {"nl": "Ik weet het nog niet", "en": "I don't know yet", "fr": "Je ne sais pas encore"},
        ],
    },
    {
        "consultation": "internationaal-talent",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Wie geen Nederlands spreekt, vindt makkelijk zijn weg in de informatie van de stad Gent.",
            "en": "People who do not speak Dutch can easily find the information they need from the City of Ghent.",
            "fr": "Les personnes qui ne parlent pas néerlandais trouvent facilement les informations de la Ville de Gand.",
        },
        "help": {
            "nl": "Denk aan de website, brieven en loketten.",
            "en": "Think of the website, letters and service desks.",
            "fr": "Pensez au site web, aux courriers et aux guichets.",
        },
        "options": [],
    },
    # --------------------------------------------------------- toekomst-van-europa
    {
        "consultation": "toekomst-van-europa",
        "kind": "ranking",
        "max_choices": None,
        "prompt": {
            "nl": "Rangschik de vier internationale topprioriteiten van Gent, van belangrijkst naar minst belangrijk.",
            "en": "Rank Ghent's four international top priorities, from most to least important.",
            "fr": "Classez les quatre grandes priorités internationales de Gand, de la plus à la moins importante.",
        },
        "help": {
            "nl": "Zet bovenaan wat voor jou het zwaarst doorweegt.",
            "en": "Put what matters most to you at the top.",
            "fr": "Placez en tête ce qui compte le plus pour vous.",
        },
        "options": [
            {
                "nl": "De nalatenschap van Europese Jongerenhoofdstad 2024",
                "en": "The legacy of European Youth Capital 2024",
                "fr": "L'héritage de Capitale européenne de la jeunesse 2024",
            },
            {
                "nl": "Culturele Hoofdstad van Europa in 2030",
                "en": "European Capital of Culture in 2030",
                "fr": "Capitale européenne de la culture en 2030",
            },
            {
                "nl": "Technologiehoofdstad van Europa worden",
                "en": "Becoming Europe's technology capital",
                "fr": "Devenir la capitale technologique de l'Europe",
            },
            {
                "nl": "Klimaatneutraal tegen 2050",
                "en": "Climate neutral by 2050",
                "fr": "Neutralité climatique d'ici 2050",
            },
        ],
    },
    {
        "consultation": "toekomst-van-europa",
        "kind": "multiple",
        "max_choices": 2,
        "prompt": {
            "nl": "Over welke Europese thema's moet Gent, bijvoorbeeld via Eurocities, het luidst zijn stem laten horen?",
            "en": "On which European topics should Ghent speak up most, for example through Eurocities?",
            "fr": "Sur quels thèmes européens Gand doit-elle se faire entendre le plus, par exemple via Eurocities ?",
        },
        "help": {
            "nl": "Kies maximaal twee thema's.",
            "en": "Choose up to two topics.",
            "fr": "Choisissez deux thèmes au maximum.",
        },
        "options": [
            {"nl": "Klimaat en energie", "en": "Climate and energy", "fr": "Climat et énergie"},
            {"nl": "Betaalbaar wonen", "en": "Affordable housing", "fr": "Logement abordable"},
            {"nl": "Digitalisering", "en": "Digitalisation", "fr": "Numérisation"},
            {
                "nl": "Sociaal beleid en armoedebestrijding",
                "en": "Social policy and fighting poverty",
                "fr": "Politique sociale et lutte contre la pauvreté",
            },
            {
                "nl": "Mensenrechten en strijd tegen racisme",
                "en": "Human rights and the fight against racism",
                "fr": "Droits humains et lutte contre le racisme",
            },
            {"nl": "Duurzame mobiliteit", "en": "Sustainable mobility", "fr": "Mobilité durable"},
        ],
    },
    # ------------------------------------------------------- zustersteden-kanazawa
    {
        "consultation": "zustersteden-kanazawa",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Gent doet er goed aan om alleen de band met Kanazawa te behouden en verder vooral in internationale netwerken te investeren.",
            "en": "Ghent is right to keep only its link with Kanazawa and otherwise invest mainly in international networks.",
            "fr": "Gand a raison de ne garder que son lien avec Kanazawa et d'investir surtout dans les réseaux internationaux.",
        },
        "help": {
            "nl": "Gent had 7 zustersteden en 5 partnersteden. Alleen het partnerschap met Kanazawa, dat sinds 1973 bestaat, blijft behouden.",
            "en": "Ghent had 7 sister cities and 5 partner cities. Only the partnership with Kanazawa, which dates from 1973, is kept.",
            "fr": "Gand comptait 7 villes jumelles et 5 villes partenaires. Seul le partenariat avec Kanazawa, qui date de 1973, est maintenu.",
        },
        "options": [],
    },
    {
        "consultation": "zustersteden-kanazawa",
        "kind": "multiple",
        "max_choices": 2,
        "prompt": {
            "nl": "Welke uitwisselingen met Kanazawa moeten voorrang krijgen?",
            "en": "Which exchanges with Kanazawa should get priority?",
            "fr": "Quels échanges avec Kanazawa doivent être prioritaires ?",
        },
        "help": {
            "nl": "Kies maximaal twee antwoorden.",
            "en": "Choose up to two answers.",
            "fr": "Choisissez deux réponses au maximum.",
        },
        "options": [
            {"nl": "Jongerenuitwisselingen", "en": "Youth exchanges", "fr": "Échanges de jeunes"},
            {"nl": "Culturele samenwerking", "en": "Cultural cooperation", "fr": "Coopération culturelle"},
            {"nl": "Academische samenwerking", "en": "Academic cooperation", "fr": "Coopération académique"},
            {"nl": "Culinaire uitwisseling", "en": "Culinary exchange", "fr": "Échanges culinaires"},
            {
                "nl": "Kennisdeling tussen stadsdiensten",
                "en": "Knowledge sharing between city services",
                "fr": "Partage de connaissances entre services municipaux",
            },
        ],
    },
    # ------------------------------------------------------------- eu-klimaatplan
    {
        "consultation": "eu-klimaatplan",
        "kind": "single",
        "max_choices": None,
        "prompt": {
            "nl": "Net als Europa wil Gent klimaatneutraal zijn tegen 2050. Wat vind je van dat streefjaar?",
            "en": "Like Europe, Ghent aims to be climate neutral by 2050. What do you think of that target year?",
            "fr": "Comme l'Europe, Gand vise la neutralité climatique d'ici 2050. Que pensez-vous de cette échéance ?",
        },
        "help": None,
        "options": [
            {
                "nl": "Te laat: het moet sneller",
                "en": "Too late: it should happen sooner",
                "fr": "Trop tard : il faut aller plus vite",
            },
            {"nl": "Haalbaar en juist", "en": "Realistic and about right", "fr": "Réaliste et adaptée"},
            {"nl": "Te ambitieus", "en": "Too ambitious", "fr": "Trop ambitieuse"},
            {"nl": "Geen mening", "en": "No opinion", "fr": "Sans avis"},
        ],
    },
    {
        "consultation": "eu-klimaatplan",
        "kind": "ranking",
        "max_choices": None,
        "prompt": {
            "nl": "Welke klimaatmaatregelen moeten als eerste Europese en stedelijke steun krijgen?",
            "en": "Which climate measures should be first in line for European and city support?",
            "fr": "Quelles mesures climatiques doivent bénéficier en priorité du soutien européen et communal ?",
        },
        "help": {
            "nl": "Zet bovenaan wat volgens jou het dringendst is.",
            "en": "Put what you think is most urgent at the top.",
            "fr": "Placez en tête ce qui vous semble le plus urgent.",
        },
        "options": [
            {
                "nl": "Woningen en gebouwen isoleren",
                "en": "Insulating homes and buildings",
                "fr": "Isoler les logements et les bâtiments",
            },
            {
                "nl": "Hernieuwbare energie, zoals zonnepanelen en warmtenetten",
                "en": "Renewable energy, such as solar panels and heat networks",
                "fr": "Les énergies renouvelables, comme les panneaux solaires et les réseaux de chaleur",
            },
            {
                "nl": "Fietsen en openbaar vervoer",
                "en": "Cycling and public transport",
                "fr": "Le vélo et les transports en commun",
            },
            {
                "nl": "Vergroening tegen hitte en wateroverlast",
                "en": "Greening against heat and flooding",
                "fr": "La végétalisation contre la chaleur et les inondations",
            },
        ],
    },
    {
        "consultation": "eu-klimaatplan",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Europese klimaatregels helpen Gent om lokaal meer te doen.",
            "en": "European climate rules help Ghent to do more locally.",
            "fr": "Les règles climatiques européennes aident Gand à agir davantage au niveau local.",
        },
        "help": None,
        "options": [],
    },
    # ---------------------------------------------------- north-sea-port-district
    {
        "consultation": "north-sea-port-district",
        "kind": "ranking",
        "max_choices": None,
        "prompt": {
            "nl": "Rangschik de thema's waarop het North Sea Port District volgens jou moet inzetten.",
            "en": "Rank the themes the North Sea Port District should focus on.",
            "fr": "Classez les thèmes sur lesquels le North Sea Port District devrait miser.",
        },
        "help": {
            "nl": "Gent, Evergem, Zelzate, Terneuzen, Vlissingen, Borsele en de provincies Oost-Vlaanderen en Zeeland werken sinds 2021 samen.",
            "en": "Ghent, Evergem, Zelzate, Terneuzen, Vlissingen, Borsele and the provinces of East Flanders and Zeeland have cooperated since 2021.",
            "fr": "Gand, Evergem, Zelzate, Terneuzen, Flessingue, Borsele et les provinces de Flandre orientale et de Zélande coopèrent depuis 2021.",
        },
        "options": [
            {"nl": "Duurzaamheid", "en": "Sustainability", "fr": "Durabilité"},
            {
                "nl": "Leefbaarheid in de kanaalzone",
                "en": "Quality of life in the canal zone",
                "fr": "Qualité de vie dans la zone du canal",
            },
            {"nl": "Grensoverschrijdende mobiliteit", "en": "Cross-border mobility", "fr": "Mobilité transfrontalière"},
            {
                "nl": "Werk en economie in de havenregio",
                "en": "Jobs and the economy in the port region",
                "fr": "Emploi et économie dans la région portuaire",
            },
        ],
    },
    {
        "consultation": "north-sea-port-district",
        "kind": "single",
        "max_choices": None,
        "prompt": {
            "nl": "Hoe vaak steek je de grens met Zeeland over, voor je werk of je vrije tijd?",
            "en": "How often do you cross the border with Zeeland, for work or leisure?",
            "fr": "À quelle fréquence traversez-vous la frontière avec la Zélande, pour le travail ou les loisirs ?",
        },
        "help": None,
        "options": [
            {"nl": "Elke week", "en": "Every week", "fr": "Chaque semaine"},
            {"nl": "Elke maand", "en": "Every month", "fr": "Chaque mois"},
            {"nl": "Een paar keer per jaar", "en": "A few times a year", "fr": "Quelques fois par an"},
            {"nl": "(Bijna) nooit", "en": "(Almost) never", "fr": "(Presque) jamais"},
        ],
    },
    {
        "consultation": "north-sea-port-district",
        "kind": "scale",
        "max_choices": None,
        "prompt": {
            "nl": "Als inwoner merk ik genoeg van de samenwerking tussen Gent en Zeeland in het North Sea Port District.",
            "en": "As a resident, I notice enough of the cooperation between Ghent and Zeeland in the North Sea Port District.",
            "fr": "En tant qu'habitant, je perçois suffisamment la coopération entre Gand et la Zélande au sein du North Sea Port District.",
        },
        "help": None,
        "options": [],
    },
]


COMMENTS = [
    # ------------------------------------------------------------ groene-deal-gent
    {
        "consultation": "groene-deal-gent",
        "author": "resident",
        "alignment": "for",
        "body": (
            "Goed dat de stad Europees geld voor de Green Deal naar de wijken wil brengen. In de Brugse Poort "
            "zijn er nog straten zonder één boom; daar zou ik beginnen. En betrek de bewoners al bij het "
            "ontwerp, niet pas op de inspraakavond."
        ),
        "replies": [
            {
                "author": "resident4",
                "alignment": "neutral",
                "body": (
                    "Akkoord over de Brugse Poort, maar vergroening mag geen excuus zijn om parkeerplaatsen te "
                    "schrappen zonder alternatief. Veel mensen in onze wijk hebben een bestelwagen voor hun werk."
                ),
                "replies": [
                    {
                        "author": "resident",
                        "alignment": "for",
                        "body": (
                            "Dat begrijp ik. Misschien kunnen buurtparkings of deelwagens een deel oplossen? "
                            "Zo'n afweging hoort net thuis in het buurtatelier."
                        ),
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "consultation": "groene-deal-gent",
        "author": "resident2",
        "alignment": "for",
        "body": (
            "As a tenant I can't insulate my flat myself. I'd like part of the Green Deal money to go to "
            "landlords who renovate, on condition that the rent stays affordable afterwards."
        ),
        "replies": [
            {
                "author": "resident4",
                "alignment": "neutral",
                "body": (
                    "Akkoord, maar hoe ga je controleren dat de huur na een renovatie betaalbaar blijft? Zonder "
                    "duidelijke afspraken betalen de huurders alsnog de rekening."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "groene-deal-gent",
        "author": "resident4",
        "alignment": "against",
        "body": (
            "Ik zie vooral grote woorden. Europese subsidies gaan vaak naar wie het best dossiers kan schrijven, "
            "niet naar de wijken die ze het meest nodig hebben. Toon eerst wat er met het vorige geld gebeurd is."
        ),
        "replies": [
            {
                "author": "resident",
                "alignment": "neutral",
                "body": (
                    "Terechte opmerking. Een eenvoudige kaart met alle lopende projecten en hun budget zou al veel "
                    "duidelijk maken."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "groene-deal-gent",
        "author": "resident4",
        "alignment": "for",
        "body": (
            "Ik woon aan de Dampoort en fiets elke dag naar het werk. Een veilige, doorlopende fietsroute naar "
            "Gent-Sint-Pieters zou voor mij de meest tastbare Green Deal-maatregel zijn."
        ),
        "replies": [],
    },
    {
        "consultation": "groene-deal-gent",
        "author": "resident",
        "alignment": "neutral",
        "body": (
            "Tijdens de lunchwebinar werd gezegd dat ook kleine verenigingen projecten kunnen indienen. Komt er "
            "begeleiding bij het aanvraagwerk? Voor vrijwilligers is dat anders niet haalbaar."
        ),
        "replies": [],
    },
    {
        "consultation": "groene-deal-gent",
        "author": "resident2",
        "alignment": "neutral",
        "body": (
            "Could the city publish the consultation documents in English as well? Plenty of internationals in "
            "Ghent care about the climate, but we give up when the background documents are only in Dutch."
        ),
        "replies": [
            {
                "author": "resident4",
                "alignment": "for",
                "body": (
                    "Goed idee, en graag ook in eenvoudig Nederlands. Niet iedereen die Nederlands spreekt, leest "
                    "vlot een beleidstekst."
                ),
                "replies": [],
            },
        ],
    },
    # ---------------------------------------------------- culturele-hoofdstad-2030
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident4",
        "alignment": "for",
        "body": (
            "Ja, doen! Gent heeft de festivals, de zalen en een enorm verenigingsleven. Maar laat het een feest "
            "voor alle wijken zijn, niet alleen voor de binnenstad en de toeristen."
        ),
        "replies": [
            {
                "author": "resident3",
                "alignment": "for",
                "body": (
                    "Tout à fait d'accord. À Ledeberg ou au Rabot, il y a des associations culturelles formidables "
                    "qu'on ne voit presque jamais. Une capitale de la culture pourrait enfin les mettre en lumière."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident",
        "alignment": "against",
        "body": (
            "Ik twijfel. Zo'n titel kost veel geld en na dat ene jaar valt alles weer stil. Ik zie dat budget "
            "liever structureel naar jeugdhuizen en kleine zalen gaan."
        ),
        "replies": [
            {
                "author": "resident2",
                "alignment": "neutral",
                "body": (
                    "I understand the worry, but a good bid can also build things that last: networks, venues, "
                    "volunteers. The real question is what stays after 2030, and that should be part of the plan "
                    "from day one."
                ),
                "replies": [
                    {
                        "author": "resident",
                        "alignment": "neutral",
                        "body": (
                            "Daar kan ik in meegaan, op voorwaarde dat die nalatenschap zwart op wit staat en "
                            "ook echt opgevolgd wordt."
                        ),
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident2",
        "alignment": "for",
        "body": (
            "Ghent is a UNESCO Creative City of Music, so music feels like an obvious thread for the programme. "
            "I'd love to see collaborations with musicians from the many nationalities who already live here."
        ),
        "replies": [],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident3",
        "alignment": "neutral",
        "body": (
            "Une question pratique : la programmation sera-t-elle aussi accessible en français et en anglais ? "
            "Beaucoup de visiteurs viendront de Bruxelles, de Wallonie et de France."
        ),
        "replies": [
            {
                "author": "resident4",
                "alignment": "neutral",
                "body": (
                    "Meertalig lijkt me logisch voor bezoekers, maar het Nederlands moet wel de basis blijven. "
                    "Misschien met boventiteling en tolken waar het nodig is?"
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident4",
        "alignment": "against",
        "body": (
            "Ik mis in deze consultatie een overzicht van de kosten. Zolang niet duidelijk is wat de kandidatuur "
            "kost en wie dat betaalt, kan ik niet volmondig ja zeggen."
        ),
        "replies": [],
    },
    {
        "consultation": "culturele-hoofdstad-2030",
        "author": "resident",
        "alignment": "for",
        "body": (
            "Het Lichtfestival toont telkens hoe de hele stad samen op straat komt. Dat zou ik graag als rode "
            "draad zien: cultuur in de publieke ruimte, gratis en voor iedereen."
        ),
        "replies": [],
    },
    # -------------------------------------------------------- internationaal-talent
    {
        "consultation": "internationaal-talent",
        "author": "resident2",
        "alignment": "for",
        "body": (
            "I came here for a PhD four years ago and stayed for a job in the region. The hardest part wasn't "
            "work, it was finding a flat without a Belgian payslip. Any help there would make a huge difference."
        ),
        "replies": [
            {
                "author": "resident",
                "alignment": "neutral",
                "body": (
                    "Heel herkenbaar, trouwens ook voor jonge Gentenaars. Misschien kan de stad met verhuurders "
                    "afspreken dat een arbeidscontract ook als bewijs van inkomen telt?"
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "internationaal-talent",
        "author": "resident4",
        "alignment": "neutral",
        "body": (
            "Een internationale secundaire school kan helpen om talent te houden, maar het mag geen elitaire "
            "school worden. Als ze er komt, moet ze ook openstaan voor Gentse kinderen en betaalbaar blijven."
        ),
        "replies": [
            {
                "author": "resident2",
                "alignment": "for",
                "body": (
                    "Agreed. Our kids go to a local Dutch-language school and are doing great, but for families "
                    "who only stay two or three years, an international option would be a real relief."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "internationaal-talent",
        "author": "resident3",
        "alignment": "for",
        "body": (
            "Je suis arrivée à Gand il y a deux ans pour travailler dans la région portuaire. Les cours de "
            "néerlandais du soir sont souvent complets ; plus de places et des horaires flexibles m'aideraient "
            "vraiment à m'intégrer."
        ),
        "replies": [],
    },
    {
        "consultation": "internationaal-talent",
        "author": "resident",
        "alignment": "against",
        "body": (
            "Ik vind het prima dat Gent internationaal talent aantrekt, maar er is nu al een groot tekort aan "
            "betaalbare woningen. Extra inspanningen voor expats mogen niet ten koste gaan van Gentenaars die al "
            "jaren op een sociale woning wachten."
        ),
        "replies": [
            {
                "author": "resident2",
                "alignment": "neutral",
                "body": (
                    "I understand that concern. But many of us aren't high earners either: PhD students and young "
                    "researchers are looking for affordable rooms too. Housing is a shared problem, not us against you."
                ),
                "replies": [
                    {
                        "author": "resident",
                        "alignment": "neutral",
                        "body": (
                            "Eerlijk punt, daar had ik niet bij stilgestaan. Dan is een gezamenlijke aanpak voor "
                            "betaalbaar wonen misschien de beste oplossing voor iedereen."
                        ),
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "consultation": "internationaal-talent",
        "author": "resident2",
        "alignment": "neutral",
        "body": (
            "A small practical request: one clear starting page in English for newcomers, covering registration "
            "with the city, waste collection and where to find Dutch classes. It took me months to piece all "
            "that together."
        ),
        "replies": [],
    },
    {
        "consultation": "internationaal-talent",
        "author": "resident4",
        "alignment": "for",
        "body": (
            "Mijn ploegmaats bij de voetbalclub komen uit zes verschillende landen. Sportclubs en verenigingen "
            "zijn de snelste manier om mensen te laten aarden. Help hen om nieuwkomers actief uit te nodigen."
        ),
        "replies": [],
    },
    # ------------------------------------------------------------- eu-klimaatplan
    {
        "consultation": "eu-klimaatplan",
        "author": "resident",
        "alignment": "for",
        "body": (
            "Klimaatneutraal in 2050 is eigenlijk te laat. Ik hoop dat Gent tussendoelen vastlegt en in het "
            "jaarlijkse duurzaamheidsrapport toont of we op schema zitten."
        ),
        "replies": [],
    },
    {
        "consultation": "eu-klimaatplan",
        "author": "resident4",
        "alignment": "against",
        "body": (
            "Ik steun het doel, maar de kosten komen te veel bij gewone gezinnen terecht. Een warmtepomp of "
            "dakisolatie is voor veel mensen in mijn straat gewoon onbetaalbaar."
        ),
        "replies": [
            {
                "author": "resident",
                "alignment": "neutral",
                "body": (
                    "Net daarom zijn de Europese middelen zo belangrijk. Maar dan moet er één loket komen dat "
                    "mensen helpt om ze aan te vragen, anders blijven ze onbereikbaar."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "eu-klimaatplan",
        "author": "resident2",
        "alignment": "neutral",
        "body": (
            "The citizens' panel at De Krook was well organised. Now that the consultation is closed, what "
            "happens with the conclusions? Will participants get feedback?"
        ),
        "replies": [],
    },
    # ---------------------------------------------------- north-sea-port-district
    {
        "consultation": "north-sea-port-district",
        "author": "resident4",
        "alignment": "for",
        "body": (
            "Ik werk in Terneuzen en pendel elke dag. Goed dat Gent en Zeeland samenwerken, maar het openbaar "
            "vervoer over de grens blijft een zwak punt. Daar zou ik eerst op inzetten."
        ),
        "replies": [
            {
                "author": "resident",
                "alignment": "for",
                "body": (
                    "Helemaal mee eens. En een veilige, doorlopende fietsroute langs het kanaal Gent-Terneuzen "
                    "zou ook al veel helpen."
                ),
                "replies": [],
            },
        ],
    },
    {
        "consultation": "north-sea-port-district",
        "author": "resident",
        "alignment": "neutral",
        "body": (
            "Tot het grensgesprek in Het Pand had ik nog nooit van het North Sea Port District gehoord. De "
            "samenwerking mag voor inwoners een stuk zichtbaarder worden."
        ),
        "replies": [],
    },
    {
        "consultation": "north-sea-port-district",
        "author": "resident3",
        "alignment": "against",
        "body": (
            "Je comprends l'intérêt économique, mais les riverains de la zone du canal subissent déjà le bruit "
            "et la pollution de l'industrie. La qualité de vie doit passer avant la croissance du port."
        ),
        "replies": [],
    },
]
