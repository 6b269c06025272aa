"""Reference data: the City of Ghent's policy themes and the international networks it belongs to.

Not demo content: a production site needs these too. `flask --app wsgi seed-reference-data`
loads them (idempotent), and `seed-demo` does the same before adding its consultations.
Facts taken from the city's own texts (see shared seeds); every sentence written anew in nl, en
and fr. Websites are left empty on purpose: the addresses have not been verified.
"""

THEMES = [
    {
        "slug": "climate-green-deal",
        "name": {
            "nl": "Klimaat en de Europese Green Deal",
            "en": "Climate and the European Green Deal",
            "fr": "Le climat et le pacte vert pour l'Europe",
        },
        "description": {
            "nl": "Gent wil tegen 2050 klimaatneutraal zijn en stemt dat doel af op de Green Deal en het klimaatplan van de Europese Unie.",
            "en": "Ghent aims to be climate neutral by 2050 and links that goal to the Green Deal and the climate plan of the European Union.",
            "fr": "Gand vise la neutralité climatique d'ici 2050 et inscrit cet objectif dans le pacte vert et le plan climat de l'Union européenne.",
        },
    },
    {
        "slug": "future-of-europe",
        "name": {
            "nl": "De toekomst van Europa",
            "en": "The future of Europe",
            "fr": "L'avenir de l'Europe",
        },
        "description": {
            "nl": "Hoe Gentenaars mee hun zeg doen over de plannen van de Europese Unie, bijvoorbeeld rond de Conferentie over de toekomst van Europa.",
            "en": "How people in Ghent have a say in the plans of the European Union, for instance around the Conference on the Future of Europe.",
            "fr": "Comment les Gantois donnent leur avis sur les projets de l'Union européenne, par exemple autour de la Conférence sur l'avenir de l'Europe.",
        },
    },
    {
        "slug": "youth-capital",
        "name": {
            "nl": "Europese Jongerenhoofdstad",
            "en": "European Youth Capital",
            "fr": "Capitale européenne de la jeunesse",
        },
        "description": {
            "nl": "De ambitie om in 2024 Europese Jongerenhoofdstad te worden en jongeren een centrale plaats in de stad te geven.",
            "en": "The ambition to become European Youth Capital in 2024 and to give young people a central place in the city.",
            "fr": "L'ambition de devenir Capitale européenne de la jeunesse en 2024 et de donner aux jeunes une place centrale dans la ville.",
        },
    },
    {
        "slug": "culture-capital-2030",
        "name": {
            "nl": "Culturele Hoofdstad van Europa 2030",
            "en": "European Capital of Culture 2030",
            "fr": "Capitale européenne de la culture 2030",
        },
        "description": {
            "nl": "De Gentse ambitie om in 2030 Culturele Hoofdstad van Europa te worden, en wat dat voor inwoners en makers kan betekenen.",
            "en": "Ghent's ambition to become European Capital of Culture in 2030, and what that could mean for residents and artists.",
            "fr": "L'ambition de Gand de devenir Capitale européenne de la culture en 2030, et ce que cela pourrait apporter aux habitants et aux artistes.",
        },
    },
    {
        "slug": "technology-capital",
        "name": {
            "nl": "Technologiehoofdstad van Europa",
            "en": "Europe's technology capital",
            "fr": "Capitale technologique de l'Europe",
        },
        "description": {
            "nl": "Gent wil uitgroeien tot de technologiehoofdstad van Europa, met digitale vernieuwing die voor iedereen bereikbaar blijft.",
            "en": "Ghent wants to grow into Europe's technology capital, with digital innovation that stays within everyone's reach.",
            "fr": "Gand veut devenir la capitale technologique de l'Europe, avec une innovation numérique qui reste à la portée de tous.",
        },
    },
    {
        "slug": "international-talent",
        "name": {
            "nl": "Internationaal talent",
            "en": "International talent",
            "fr": "Talents internationaux",
        },
        "description": {
            "nl": "Gent telt meer dan 150 nationaliteiten en wil internationale studenten, onderzoekers, ondernemers en werknemers aantrekken en houden.",
            "en": "Home to more than 150 nationalities, Ghent wants to attract and keep international students, researchers, entrepreneurs and workers.",
            "fr": "Riche de plus de 150 nationalités, Gand veut attirer et retenir étudiants, chercheurs, entrepreneurs et travailleurs venus de l'étranger.",
        },
    },
    {
        "slug": "north-sea-port-district",
        "name": {
            "nl": "North Sea Port District",
            "en": "North Sea Port District",
            "fr": "North Sea Port District",
        },
        "description": {
            "nl": "Sinds 2021 werken Gent, Evergem, Zelzate en hun Zeeuwse buren samen aan duurzaamheid, leefbaarheid en mobiliteit in het havengebied.",
            "en": "Since 2021, Ghent, Evergem, Zelzate and their neighbours in Zeeland have been working together on sustainability, liveability and mobility in the port area.",
            "fr": "Depuis 2021, Gand, Evergem, Zelzate et leurs voisins zélandais coopèrent sur la durabilité, la qualité de vie et la mobilité dans la zone portuaire.",
        },
    },
    {
        "slug": "sdgs",
        "name": {
            "nl": "Duurzame ontwikkelingsdoelen (SDG's)",
            "en": "Sustainable Development Goals (SDGs)",
            "fr": "Objectifs de développement durable (ODD)",
        },
        "description": {
            "nl": "Gent zet zich actief in voor de VN-doelen voor duurzame ontwikkeling en brengt sinds 2020 elk jaar een duurzaamheidsrapport uit.",
            "en": "Ghent champions the UN goals for sustainable development and has published a sustainability report every year since 2020.",
            "fr": "Gand soutient activement les objectifs de développement durable de l'ONU et publie chaque année, depuis 2020, un rapport de durabilité.",
        },
    },
    {
        "slug": "partner-cities",
        "name": {
            "nl": "Partner- en zustersteden",
            "en": "Partner and sister cities",
            "fr": "Villes partenaires et jumelées",
        },
        "description": {
            "nl": "Gent herbekijkt zijn stedenbanden en behoudt alleen het partnerschap met Kanazawa, zijn Japanse zusterstad sinds 1973.",
            "en": "Ghent is rethinking its ties with other cities and keeps only the partnership with Kanazawa, its Japanese sister city since 1973.",
            "fr": "Gand revoit ses liens avec d'autres villes et ne garde que le partenariat avec Kanazawa, sa ville jumelle japonaise depuis 1973.",
        },
    },
]

NETWORKS = [
    {
        "slug": "eurocities",
        "name": "Eurocities",
        "description": {
            "nl": "Het grootste netwerk van Europese steden en voor Gent het belangrijkste; Stad Gent is lid sinds 1998 en momenteel vicevoorzitter.",
            "en": "Europe's largest network of cities and Ghent's most important one; the City of Ghent joined in 1998 and is currently vice-president.",
            "fr": "Le plus grand réseau de villes européennes, auquel la Ville de Gand adhère depuis 1998 et dont elle assure actuellement la vice-présidence.",
        },
        "themes": ["future-of-europe", "climate-green-deal"],
        "website": None,
    },
    {
        "slug": "aviama",
        "name": "Association Internationale des Villes Amies de la Marionnette (AVIAMA)",
        "description": {
            "nl": "Internationaal netwerk van steden die het poppenspel een vaste plaats in het lokale leven willen geven.",
            "en": "An international network of cities that want puppet theatre to have a firm place in local life.",
            "fr": "Réseau international de villes qui souhaitent donner au théâtre de marionnettes une vraie place dans la vie locale.",
        },
        "themes": ["culture-capital-2030"],
        "website": None,
    },
    {
        "slug": "bgts",
        "name": "Benelux Geïntegreerde Territoriale Samenwerking (BGTS)",
        "description": {
            "nl": "Platform waarmee de Benelux-landen werk maken van een structurele samenwerking over de grenzen heen.",
            "en": "A platform through which the Benelux countries build lasting, structured cooperation across their borders.",
            "fr": "Plateforme grâce à laquelle les pays du Benelux construisent une coopération transfrontalière structurelle.",
        },
        "themes": ["north-sea-port-district"],
        "website": None,
    },
    {
        "slug": "civitas",
        "name": "Civitas",
        "description": {
            "nl": "Netwerk waarin steden elkaar helpen om vervoer schoner en beter te maken, in Europa en ver daarbuiten.",
            "en": "A network in which cities help each other make transport cleaner and better, in Europe and further afield.",
            "fr": "Réseau où les villes s'entraident pour rendre les transports plus propres et plus efficaces, en Europe et ailleurs.",
        },
        "themes": ["climate-green-deal"],
        "website": None,
    },
    {
        "slug": "climate-alliance",
        "name": "Climate Alliance",
        "description": {
            "nl": "Europese steden en partners die broeikasgassen terugdringen met rechtvaardige, lokale en natuurgebaseerde klimaatmaatregelen.",
            "en": "European cities and partners cutting greenhouse gases through fair, local and nature-based climate measures.",
            "fr": "Villes et acteurs européens qui réduisent les gaz à effet de serre par des mesures climatiques justes, locales et fondées sur la nature.",
        },
        "themes": ["climate-green-deal", "sdgs"],
        "website": None,
    },
    {
        "slug": "covenant-of-mayors",
        "name": "Covenant of Mayors",
        "description": {
            "nl": "Burgemeesters die zich samen engageren om in hun stad of gemeente een duurzaam energiebeleid te voeren.",
            "en": "Mayors who jointly pledge to pursue a sustainable energy policy in their city or town.",
            "fr": "Des bourgmestres et des maires qui s'engagent ensemble à mener une politique énergétique durable dans leur commune.",
        },
        "themes": ["climate-green-deal", "sdgs"],
        "website": None,
    },
    {
        "slug": "divosa",
        "name": "Divosa",
        "description": {
            "nl": "Netwerk van leidinggevenden van lokale besturen die actief zijn in het sociale domein.",
            "en": "A network of local government managers working in the social field.",
            "fr": "Réseau de cadres dirigeants des pouvoirs locaux actifs dans le domaine social.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "european-ageing-network",
        "name": "European Ageing Network (EAN)",
        "description": {
            "nl": "Europees netwerk dat zich inzet om ouderen een betere levenskwaliteit te geven.",
            "en": "A European network working to give older people a better quality of life.",
            "fr": "Réseau européen qui s'attache à améliorer la qualité de vie des personnes âgées.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "euhofa",
        "name": "Euhofa",
        "description": {
            "nl": "Internationale vereniging van hotelscholen en andere opleidingen voor de horeca.",
            "en": "An international association of hotel schools and other hospitality training institutions.",
            "fr": "Association internationale d'écoles hôtelières et d'autres établissements de formation à l'hôtellerie.",
        },
        "themes": ["international-talent"],
        "website": None,
    },
    {
        "slug": "european-cities-marketing",
        "name": "European Cities Marketing (ECM)",
        "description": {
            "nl": "Vereniging van Europese toeristische diensten, congresbureaus en organisaties voor citymarketing.",
            "en": "An association of Europe's tourist offices, convention bureaus and city marketing organisations.",
            "fr": "Association européenne d'offices du tourisme, de bureaux des congrès et d'organismes de marketing urbain.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "eccar",
        "name": "European Coalition of Cities Against Racism (ECCAR)",
        "description": {
            "nl": "Europese steden die samen optreden tegen racisme, discriminatie en vreemdelingenhaat.",
            "en": "European cities joining forces to fight racism, xenophobia and every form of discrimination.",
            "fr": "Des villes européennes unies contre le racisme, les discriminations et la xénophobie.",
        },
        "themes": ["sdgs"],
        "website": None,
    },
    {
        "slug": "european-green-capital-network",
        "name": "European Green Capital Network",
        "description": {
            "nl": "Steden die finalist waren voor de Green Capital Award en leren uit elkaars geslaagde en minder geslaagde projecten.",
            "en": "Cities shortlisted for the European Green Capital Award, learning from one another's successes and failures.",
            "fr": "Villes finalistes du prix Capitale verte de l'Europe, qui tirent les leçons de leurs réussites et de leurs échecs respectifs.",
        },
        "themes": ["climate-green-deal", "sdgs"],
        "website": None,
    },
    {
        "slug": "european-network-child-friendly-cities",
        "name": "European Network Child Friendly Cities (ENCFC)",
        "description": {
            "nl": "Brengt ambtenaren, politici en onderzoekers samen die werken aan kind- en jongerenvriendelijk beleid.",
            "en": "Brings together officials, politicians and researchers who shape child- and youth-friendly policy.",
            "fr": "Rassemble fonctionnaires, élus et chercheurs qui œuvrent pour des politiques adaptées aux enfants et aux jeunes.",
        },
        "themes": ["youth-capital"],
        "website": None,
    },
    {
        "slug": "enat",
        "name": "European Network for Accessible Tourism (ENAT)",
        "description": {
            "nl": "Zet zich in voor toerisme dat voor iedereen toegankelijk is en verspreidt goede voorbeelden.",
            "en": "Champions tourism that is accessible to all and spreads examples of good practice.",
            "fr": "Défend un tourisme accessible à tous et diffuse les bonnes pratiques.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "eunivercities",
        "name": "EUniverCities",
        "description": {
            "nl": "Europese universiteitssteden en hun hogeronderwijsinstellingen die ervaringen uitwisselen over lokale samenwerking tussen stad en universiteit.",
            "en": "European university towns and their colleges and universities comparing notes on how town and campus can work together locally.",
            "fr": "Villes universitaires européennes et leurs établissements d'enseignement supérieur qui comparent leurs façons de coopérer à l'échelle locale.",
        },
        "themes": ["international-talent"],
        "website": None,
    },
    {
        "slug": "routes-of-charles-v",
        "name": "European Routes of the Emperor Charles V",
        "description": {
            "nl": "Netwerk van de Raad van Europa met een tachtigtal steden en historische plekken op de reiswegen van keizer Karel, dat hun erfgoed en toerisme uitdraagt.",
            "en": "A Council of Europe network of about 80 cities and historic sites on Emperor Charles V's travels, showcasing their heritage and tourism.",
            "fr": "Réseau du Conseil de l'Europe réunissant quelque 80 villes et sites historiques sur les chemins de Charles Quint, qui valorise leur patrimoine.",
        },
        "themes": ["culture-capital-2030"],
        "website": None,
    },
    {
        "slug": "european-social-network",
        "name": "European Social Network (ESN)",
        "description": {
            "nl": "Onafhankelijk netwerk van lokale publieke diensten in Europa dat meewerkt aan beter sociaal beleid en een betere praktijk.",
            "en": "An independent network of Europe's local public services, helping to improve social policy and practice.",
            "fr": "Réseau indépendant de services publics locaux en Europe qui contribue à améliorer les politiques et les pratiques sociales.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "foresight-europe-network",
        "name": "Foresight Europe Network",
        "description": {
            "nl": "Maakt (digitale) toekomstverkenning bekend in Europa en verbindt specialisten via gezamenlijke projecten en financiering.",
            "en": "Promotes (digital) foresight across Europe and links foresight professionals through joint projects and funding.",
            "fr": "Fait connaître la prospective, notamment numérique, en Europe et relie ses praticiens autour de projets et de financements communs.",
        },
        "themes": ["technology-capital"],
        "website": None,
    },
    {
        "slug": "global-lead-city-network",
        "name": "Global Lead City Network on Sustainable Procurement (GLCN)",
        "description": {
            "nl": "Internationaal netwerk van steden die het voortouw nemen in duurzaam aankopen.",
            "en": "An international network of cities leading the way in sustainable procurement.",
            "fr": "Réseau international de villes pionnières en matière d'achats publics durables.",
        },
        "themes": ["sdgs", "climate-green-deal"],
        "website": None,
    },
    {
        "slug": "global-parliament-of-mayors",
        "name": "Global Parliament of Mayors (GPM)",
        "description": {
            "nl": "Bestuursorgaan waarin burgemeesters uit de hele wereld zelf de koers bepalen en samen hun stem laten horen.",
            "en": "A governance body run by mayors from around the world, giving cities a shared voice.",
            "fr": "Instance de gouvernance animée par des maires du monde entier, qui donne aux villes une voix commune.",
        },
        "themes": ["future-of-europe"],
        "website": None,
    },
    {
        "slug": "incubator-network-for-participative-democracy",
        "name": "Incubator Network for Participative Democracy",
        "description": {
            "nl": "Samenwerking van stadsbesturen, gesteund door de Raad van Europa, om democratische vernieuwing te stimuleren.",
            "en": "An alliance of city governments, backed by the Council of Europe, that fosters democratic innovation.",
            "fr": "Alliance de villes, soutenue par le Conseil de l'Europe, qui encourage l'innovation démocratique.",
        },
        "themes": ["future-of-europe"],
        "website": None,
    },
    {
        "slug": "iclei",
        "name": "International Council for Local Environmental Initiatives (ICLEI)",
        "description": {
            "nl": "Het grootste wereldwijde verbond van steden, grootstedelijke gebieden en regio's die duurzaamheid aanpakken met acties op het terrein.",
            "en": "The biggest worldwide alliance of cities, metropolitan areas and regions that tackle sustainability through action on the ground.",
            "fr": "La plus grande alliance mondiale de villes, de métropoles et de régions qui font avancer la durabilité par des actions de terrain.",
        },
        "themes": ["sdgs", "climate-green-deal"],
        "website": None,
    },
    {
        "slug": "international-light-festivals-organisation",
        "name": "International Light Festivals Organisation (ILO)",
        "description": {
            "nl": "Gemeenschap van lichtfestivals uit Europa en de rest van de wereld.",
            "en": "A community of light festivals from Europe and around the world.",
            "fr": "Communauté de festivals de lumière d'Europe et du monde entier.",
        },
        "themes": ["culture-capital-2030"],
        "website": None,
    },
    {
        "slug": "issa",
        "name": "International Step By Step Association (ISSA)",
        "description": {
            "nl": "Lerend netwerk dat werkt aan betere en toegankelijkere opvang voor jonge kinderen en hun gezinnen.",
            "en": "A learning community working for better and more accessible care for toddlers and young children, with their parents in mind.",
            "fr": "Communauté d'apprentissage qui œuvre pour un accueil plus accessible et de meilleure qualité des jeunes enfants et de leur famille.",
        },
        "themes": ["youth-capital"],
        "website": None,
    },
    {
        "slug": "luci",
        "name": "Lighting Urban Community International (LUCI)",
        "description": {
            "nl": "Internationaal netwerk van steden en verlichtingsprofessionals die werken aan duurzame openbare verlichting.",
            "en": "An international network of cities and lighting professionals committed to sustainable urban lighting.",
            "fr": "Réseau international de villes et de professionnels de l'éclairage engagés pour un éclairage urbain durable.",
        },
        "themes": ["climate-green-deal"],
        "website": None,
    },
    {
        "slug": "major-cities-of-europe",
        "name": "Major Cities of Europe IT Users Group",
        "description": {
            "nl": "Netwerk van ICT-verantwoordelijken (CIO's) van kleine en middelgrote steden.",
            "en": "A network of chief information officers (CIOs) from small and medium-sized cities.",
            "fr": "Réseau de directeurs des systèmes d'information de villes petites et moyennes.",
        },
        "themes": ["technology-capital"],
        "website": None,
    },
    {
        "slug": "mayors-for-peace",
        "name": "Mayors for Peace",
        "description": {
            "nl": "Burgemeesters die opkomen voor vrede en een wereld zonder kernwapens.",
            "en": "Mayors speaking out for peace and a world without nuclear weapons.",
            "fr": "Des maires qui militent pour la paix et pour un monde débarrassé des armes nucléaires.",
        },
        "themes": ["sdgs"],
        "website": None,
    },
    {
        "slug": "milan-urban-food-policy-pact",
        "name": "Milan Urban Food Policy Pact",
        "description": {
            "nl": "Internationaal pact van steden die werk maken van een eigen stedelijk voedselbeleid.",
            "en": "An international pact of cities that develop their own urban food policy.",
            "fr": "Pacte international de villes qui élaborent leur propre politique alimentaire urbaine.",
        },
        "themes": ["sdgs", "climate-green-deal"],
        "website": None,
    },
    {
        "slug": "open-and-agile-smart-cities",
        "name": "Open and Agile Smart Cities (OASC)",
        "description": {
            "nl": "Legt de technische fundamenten voor stedelijke innovatie en voor systemen die vlot met elkaar samenwerken.",
            "en": "Provides the technical foundations for urban innovation and for systems that work smoothly together.",
            "fr": "Pose les fondations techniques de l'innovation urbaine et de systèmes capables de fonctionner ensemble.",
        },
        "themes": ["technology-capital"],
        "website": None,
    },
    {
        "slug": "polis",
        "name": "Polis",
        "description": {
            "nl": "Europese steden en regio's die samen zoeken naar vernieuwende oplossingen voor vervoer en mobiliteit.",
            "en": "European cities and regions jointly developing innovative transport solutions.",
            "fr": "Villes et régions européennes qui développent ensemble des solutions de transport innovantes.",
        },
        "themes": ["climate-green-deal"],
        "website": None,
    },
    {
        "slug": "procuraplus",
        "name": "ProcuraPlus",
        "description": {
            "nl": "Internationaal netwerk dat lokale besturen helpt om hun aankoopbeleid duurzamer te maken.",
            "en": "An international network helping local governments make their purchasing more sustainable.",
            "fr": "Réseau international qui aide les pouvoirs locaux à rendre leurs achats plus durables.",
        },
        "themes": ["sdgs", "climate-green-deal"],
        "website": None,
    },
    {
        "slug": "radicalisation-awareness-network",
        "name": "Radicalisation Awareness Network (RAN)",
        "description": {
            "nl": "Brengt eerstelijnswerkers uit heel Europa in contact met elkaar, met onderzoekers en met beleidsmakers om gewelddadig extremisme te voorkomen.",
            "en": "Connects frontline workers across Europe with each other, with researchers and with policymakers to prevent and tackle violent extremism.",
            "fr": "Met en relation les acteurs de terrain de toute l'Europe, entre eux et avec chercheurs et décideurs, pour prévenir l'extrémisme violent.",
        },
        "themes": [],
        "website": None,
    },
    {
        "slug": "rainbow-cities-network",
        "name": "Rainbow Cities Network",
        "description": {
            "nl": "Steden die werk maken van een actief LGBTI-beleid en elkaar inspireren en scherp houden.",
            "en": "Cities with an active LGBTI policy that inspire each other and keep each other on their toes.",
            "fr": "Villes menant une politique LGBTI active, qui s'inspirent mutuellement et se poussent à aller plus loin.",
        },
        "themes": ["sdgs"],
        "website": None,
    },
    {
        "slug": "ruaf",
        "name": "Resource centers on Urban Agriculture and Food security (RUAF Foundation)",
        "description": {
            "nl": "Internationaal netwerk en kenniscentrum rond stedelijke voedselsystemen en landbouw in en rond de stad.",
            "en": "An international network and knowledge centre on urban food systems and farming in and around cities.",
            "fr": "Réseau international et centre d'expertise consacré aux systèmes alimentaires urbains et à l'agriculture en ville et autour.",
        },
        "themes": ["sdgs"],
        "website": None,
    },
    {
        "slug": "sharing-cities-alliance",
        "name": "Sharing Cities Alliance",
        "description": {
            "nl": "Reikt partnersteden instrumenten, kennis en contacten aan om deeleconomie en digitale platformen in de praktijk te brengen.",
            "en": "Gives partner cities tools, expertise and contacts to put the sharing economy and digital platforms into practice.",
            "fr": "Fournit aux villes partenaires outils, connaissances et contacts pour concrétiser l'économie du partage et les plateformes numériques.",
        },
        "themes": ["technology-capital"],
        "website": None,
    },
    {
        "slug": "unesco-creative-cities-of-music",
        "name": "UNESCO Creative Cities of Music",
        "description": {
            "nl": "UNESCO-netwerk waarin muzieksteden hun knowhow en ervaringen rond muziek met elkaar delen.",
            "en": "A UNESCO network in which cities of music share their expertise and experience.",
            "fr": "Réseau de l'UNESCO où les villes de musique partagent leur savoir-faire et leurs expériences.",
        },
        "themes": ["culture-capital-2030"],
        "website": None,
    },
    {
        "slug": "unesco-creative-cities-network",
        "name": "UNESCO Creative Cities Network",
        "description": {
            "nl": "Internationaal partnerschap van 180 steden die creativiteit en de culturele sector centraal zetten in hun ontwikkeling.",
            "en": "An international partnership of 180 cities that put creativity and the cultural industries at the core of their development.",
            "fr": "Partenariat international de 180 villes qui font de la créativité et des industries culturelles le moteur de leur développement.",
        },
        "themes": ["culture-capital-2030"],
        "website": None,
    },
    {
        "slug": "urbiscoop",
        "name": "Urbiscoop",
        "description": {
            "nl": "Benelux-samenwerking waarin nationale, regionale en stedelijke overheden kennis delen over onder meer sociale samenhang en energie-efficiëntie.",
            "en": "Benelux cooperation in which national, regional and city governments share knowledge on issues such as social cohesion and energy efficiency.",
            "fr": "Coopération Benelux où autorités nationales, régionales et urbaines échangent leurs savoirs, entre autres sur la cohésion sociale et l'efficacité énergétique.",
        },
        "themes": ["north-sea-port-district", "climate-green-deal"],
        "website": None,
    },
]

NETWORK_COUNT_NOTE = {
    "nl": "Stad Gent is lid van meer dan 40 Europese en internationale netwerken; elk lidmaatschap is een weloverwogen keuze die geregeld opnieuw wordt bekeken. Via die netwerken deelt de stad kennis, zet ze stedelijke thema's op de Europese agenda en vindt ze middelen voor haar projecten.",
    "en": "The City of Ghent belongs to more than 40 European and international networks, and each membership is a deliberate choice that is reviewed regularly. Through these networks the city shares knowledge, puts urban issues on the European agenda and finds resources for its projects.",
    "fr": "La Ville de Gand est membre de plus de 40 réseaux européens et internationaux, et chaque adhésion est un choix réfléchi, régulièrement réévalué. Grâce à ces réseaux, la Ville partage ses connaissances, inscrit les enjeux urbains à l'agenda européen et trouve des moyens pour ses projets.",
}
