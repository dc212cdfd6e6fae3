"""Demo resources: business people from Malmö who offer their time and knowledge to working
groups, and bulk ones for benchmarks. Idempotent: a person with the same e-mail address who
already has a profile is left alone."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.core.demo import DEMO_PASSWORD, SCALE_FIRST, SCALE_LAST, _ensure_user
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.resources.models import Competence, ResourceProfile, SpokenLanguage

DEMO_DOMAIN = "demo.meetmalmo.se"
# Not "@scale.meetmalmo.se": those addresses are the bulk members of core/demo.py.
SCALE_DOMAIN = "pool.scale.meetmalmo.se"

# key: name, sphere, website. The first ones are created by core/demo.py already; they are
# looked up by name (and created if missing, so that this module also runs on its own).
ORGANISATIONS = {
    "hotell": ("Hamnkvarterens Hotell AB", Sphere.BUSINESS, ""),
    "spel": ("Västra Hamnen Spelstudio AB", Sphere.BUSINESS, ""),
    "logistik": ("Öresund Logistik AB", Sphere.BUSINESS, ""),
    "bageri": ("Möllans Bageri & Kafé AB", Sphere.BUSINESS, ""),
    "universitet": ("Malmö universitet", Sphere.ACADEMIA, "https://mau.se"),
    "forening": ("Föreningen Unga Möjligheter Malmö", Sphere.CIVIL_SOCIETY, ""),
    "bransch": ("Besöksnäringens branschråd Syd", Sphere.INDUSTRY_ORG, ""),
    "spelnatverk": ("Spelbranschens nätverk Öresund", Sphere.INDUSTRY_ORG, ""),
    "kockum": ("Hotell Kockums Brygga AB", Sphere.BUSINESS, ""),
    "restaurang": ("Saluhallens Kök AB", Sphere.BUSINESS, ""),
    "pixel": ("Pixelhamnen Games AB", Sphere.BUSINESS, ""),
    "sydhamn": ("Sydhamnens Åkeri & Lager AB", Sphere.BUSINESS, ""),
    "ehandel": ("Hyllie E-handel & Lager AB", Sphere.BUSINESS, ""),
    "bygg": ("Limhamns Bygg & Projekt AB", Sphere.BUSINESS, ""),
    "itkonsult": ("Rörsjö IT-konsult AB", Sphere.BUSINESS, ""),
    "bank": ("Kanalbanken Syd AB", Sphere.BUSINESS, ""),
    "event": ("Scen & Ljus Evenemang Malmö AB", Sphere.BUSINESS, ""),
    "rekrytering": ("Skånsk Bemanning & Rekrytering AB", Sphere.BUSINESS, ""),
    "sprakskola": ("Malmö Språk & Arbetsliv AB", Sphere.BUSINESS, ""),
    "arkitekt": ("Arkitektkontoret Dockan AB", Sphere.BUSINESS, ""),
    "revision": ("Stortorgets Revision & Rådgivning AB", Sphere.BUSINESS, ""),
    "vard": ("Möllevångens Vårdcentral AB", Sphere.BUSINESS, ""),
    "livsmedel": ("Skånebröd Industri AB", Sphere.BUSINESS, ""),
    "fastighet": ("Öresunds Fastighetsutveckling AB", Sphere.BUSINESS, ""),
}

# e-mail (before @), name, organisation key, title, SNI section, competences, focus areas,
# languages (the first is the one the person prefers), hours a month, presentation, active
RESOURCES = [
    (
        "anna.bergstrom",
        "Anna Bergström",
        "hotell",
        "HR-chef",
        "I",
        ["rekrytering", "hospitality recruitment", "employer branding"],
        ["youth-employment", "tourism-events"],
        ["sv", "en"],
        6,
        "Jag rekryterar ett åttiotal säsongsanställda varje sommar och vill hjälpa fler unga "
        "Malmöbor till sitt första jobb.",
        True,
    ),
    (
        "mikael.svensson",
        "Mikael Svensson",
        "kockum",
        "Hotelldirektör",
        "I",
        ["ledarskap", "hospitality recruitment", "mentorskap"],
        ["tourism-events", "youth-employment"],
        ["sv", "en", "da"],
        4,
        "Jag driver ett hotell med 180 rum vid Universitetsholmen och tar gärna emot praktikanter "
        "i reception, kök och housekeeping.",
        True,
    ),
    (
        "leila.haddad",
        "Leila Haddad",
        "restaurang",
        "Köksmästare",
        "I",
        ["praktikhandledning", "livsmedelshygien", "mentorskap"],
        ["newcomers", "youth-employment"],
        ["sv", "ar", "en"],
        8,
        "Jag har handlett ett tjugotal nyanlända i köket och vet vad som gör en praktik till en "
        "anställning.",
        True,
    ),
    (
        "tobias.frick",
        "Tobias Frick",
        "hotell",
        "Restaurant Manager",
        "I",
        ["hospitality recruitment", "kundservice", "mentorskap"],
        ["youth-employment", "tourism-events"],
        ["de", "en", "sv"],
        6,
        "I run a restaurant team of 25 and like giving young people their first shift behind the "
        "bar or on the floor.",
        True,
    ),
    (
        "nora.alsayed",
        "Nora Al-Sayed",
        "kockum",
        "Event & Conference Manager",
        "I",
        ["eventproduktion", "kundservice"],
        ["tourism-events"],
        ["ar", "en", "sv"],
        5,
        "I plan conferences for up to 400 guests and can help with venues, catering and "
        "volunteers.",
        True,
    ),
    (
        "sara.mohammadi",
        "Sara Mohammadi",
        "bageri",
        "Bagare och kaféansvarig",
        "I",
        ["bageri", "kundservice", "praktikhandledning"],
        ["youth-employment", "entrepreneurship"],
        ["sv", "fa"],
        4,
        "Jag ansvarar för kaféet på Möllan och tar varje år emot elever från restaurang- och "
        "livsmedelsprogrammet.",
        True,
    ),
    (
        "johan.lund",
        "Johan Lund",
        "pixel",
        "Lead Game Designer",
        "J",
        ["spelutveckling", "game design", "mentoring"],
        ["competence-supply", "industry-development"],
        ["en", "sv"],
        6,
        "I design mobile games and mentor junior developers on their way into the industry.",
        True,
    ),
    (
        "sofie.nguyen",
        "Sofie Nguyen",
        "pixel",
        "Studio Producer",
        "J",
        ["spelutveckling", "projektledning", "employer branding"],
        ["industry-development", "competence-supply"],
        ["sv", "en"],
        5,
        "Jag leder produktionen av två spel och vill att fler studios i Malmö hittar rätt "
        "kompetens lokalt.",
        True,
    ),
    (
        "dragan.petrovic",
        "Dragan Petrović",
        "spel",
        "Technical Director",
        "J",
        ["spelutveckling", "unity", "mentoring"],
        ["competence-supply"],
        ["bs", "sv", "en"],
        4,
        "Twenty years of engine programming; happy to review curricula and take on a trainee.",
        True,
    ),
    (
        "emma.wallin",
        "Emma Wallin",
        "spel",
        "Community Manager",
        "J",
        ["digital marknadsföring", "eventproduktion"],
        ["industry-development", "tourism-events"],
        ["sv", "en"],
        3,
        "Jag arrangerar game jams och meetups och kan nå ut till Malmös spelutvecklare.",
        True,
    ),
    (
        "filip.johansson",
        "Filip Johansson",
        "pixel",
        "QA Lead",
        "J",
        ["spelutveckling", "yrkesutbildning"],
        ["youth-employment", "competence-supply"],
        ["sv", "en"],
        6,
        "Speltestning är en vanlig väg in i branschen; jag visar gärna unga hur den ser ut.",
        True,
    ),
    (
        "ahmed.farah",
        "Ahmed Farah",
        "logistik",
        "Lagerchef",
        "H",
        ["logistik", "lagerstyrning", "praktikhandledning"],
        ["newcomers", "competence-supply"],
        ["sv", "so", "en"],
        10,
        "Jag leder ett lager med 60 anställda i Norra hamnen och har anställt flera av våra "
        "praktikanter.",
        True,
    ),
    (
        "amra.begic",
        "Amra Begić",
        "logistik",
        "HR-partner",
        "H",
        ["rekrytering", "employer branding", "arbetsmarknadsinsatser"],
        ["newcomers", "competence-supply"],
        ["bs", "sv", "en"],
        5,
        "Jag arbetar med rekrytering och introduktion av nyanställda inom lager och transport.",
        True,
    ),
    (
        "katarzyna.nowak",
        "Katarzyna Nowak",
        "sydhamn",
        "Transportledare",
        "H",
        ["logistik", "arbetsmiljö"],
        ["newcomers"],
        ["pl", "sv", "en"],
        6,
        "Jag planerar transporter i Öresundsregionen och vet hur man kommer in i yrket som "
        "chaufför.",
        True,
    ),
    (
        "per.olsson",
        "Per Olsson",
        "sydhamn",
        "VD",
        "H",
        ["logistik", "affärsutveckling", "ledarskap"],
        ["industry-development", "investment"],
        ["sv"],
        2,
        "Jag driver ett familjeägt åkeri i tredje generationen och engagerar mig i hamnens "
        "utveckling.",
        False,
    ),
    (
        "maryam.rostami",
        "Maryam Rostami",
        "ehandel",
        "Head of E-commerce",
        "G",
        ["e-handel", "digital marknadsföring", "kundservice"],
        ["entrepreneurship", "competence-supply"],
        ["sv", "fa", "en"],
        6,
        "I built our online store from zero to 40 000 orders a year and like sharing what worked.",
        True,
    ),
    (
        "oscar.lindgren",
        "Oscar Lindgren",
        "ehandel",
        "Lageransvarig",
        "G",
        ["lagerstyrning", "e-handel", "yrkesutbildning"],
        ["competence-supply", "newcomers"],
        ["sv", "en"],
        8,
        "Jag utbildar vår lagerpersonal i truck, plock och lagersystem och delar gärna upplägget.",
        True,
    ),
    (
        "henrik.mattsson",
        "Henrik Mattsson",
        "bygg",
        "Byggprojektledare",
        "F",
        ["byggprojektledning", "arbetsmiljö", "praktikhandledning"],
        ["urban-development", "youth-employment"],
        ["sv"],
        5,
        "Jag leder bostadsprojekt i Hyllie och tar emot lärlingar från byggprogrammet.",
        True,
    ),
    (
        "selma.hodzic",
        "Selma Hodžić",
        "bygg",
        "Platschef",
        "F",
        ["byggprojektledning", "ledarskap", "mentorskap"],
        ["urban-development", "newcomers"],
        ["bs", "sv"],
        4,
        "Som platschef vill jag visa att byggbranschen är en arbetsplats för alla.",
        True,
    ),
    (
        "magnus.sjostrom",
        "Magnus Sjöström",
        "bygg",
        "Arbetsmiljöingenjör",
        "F",
        ["arbetsmiljö", "yrkesutbildning"],
        ["youth-employment"],
        ["sv"],
        2,
        "Jag utbildar i säkerhet på byggarbetsplatser och kan hålla korta introduktioner för "
        "praktikanter.",
        False,
    ),
    (
        "niklas.ahlgren",
        "Niklas Ahlgren",
        "itkonsult",
        "Systemutvecklare",
        "J",
        ["webbutveckling", "mentorskap"],
        ["competence-supply", "youth-employment"],
        ["sv", "en"],
        6,
        "Jag är konsult inom webb och molntjänster och mentor i en kodklubb för högstadieelever.",
        True,
    ),
    (
        "rania.saleh",
        "Rania Saleh",
        "itkonsult",
        "UX Designer",
        "J",
        ["UX-design", "webbutveckling", "mentoring"],
        ["entrepreneurship", "newcomers"],
        ["ar", "en", "sv"],
        5,
        "I help small companies make their digital services easy to use, in English or Arabic.",
        True,
    ),
    (
        "ali.rezaei",
        "Ali Rezaei",
        "itkonsult",
        "Cloud Architect",
        "J",
        ["webbutveckling", "e-handel", "mentoring"],
        ["competence-supply"],
        ["fa", "sv", "en"],
        2,
        "I design cloud platforms for retailers and can advise on the skills IT teams look for.",
        True,
    ),
    (
        "gustav.ekdahl",
        "Gustav Ekdahl",
        "bank",
        "Företagsrådgivare",
        "K",
        ["finansiering", "affärsutveckling"],
        ["entrepreneurship", "investment"],
        ["sv", "en"],
        4,
        "Jag hjälper nya och växande företag i Malmö med finansiering och affärsplaner.",
        True,
    ),
    (
        "linnea.karlsson",
        "Linnéa Karlsson",
        "bank",
        "Hållbarhetschef",
        "K",
        ["hållbarhet", "CSR", "finansiering"],
        ["investment", "urban-development"],
        ["sv", "en", "de"],
        3,
        "Jag ansvarar för bankens hållbarhetsarbete och för samverkan med staden kring gröna "
        "investeringar.",
        True,
    ),
    (
        "fredrik.nyberg",
        "Fredrik Nyberg",
        "bank",
        "Kontorschef",
        "K",
        ["finansiering", "mentorskap"],
        ["entrepreneurship", "youth-employment"],
        ["sv", "en"],
        3,
        "Jag leder bankkontoret vid Triangeln och tar emot feriearbetare varje sommar.",
        True,
    ),
    (
        "david.cohen",
        "David Cohen",
        "event",
        "Eventproducent",
        "R",
        ["eventproduktion", "projektledning", "upphandling"],
        ["tourism-events"],
        ["sv", "en", "es"],
        10,
        "Jag har producerat festivaler och mässor i Malmö i femton år, från scen till "
        "säkerhetsplan.",
        True,
    ),
    (
        "hanna.persson",
        "Hanna Persson",
        "event",
        "Produktionsledare",
        "N",
        ["eventproduktion", "praktikhandledning"],
        ["tourism-events", "youth-employment"],
        ["sv", "en"],
        12,
        "Jag leder volontärer och praktikanter på stora evenemang och gillar att ge unga ansvar.",
        True,
    ),
    (
        "yusuf.demir",
        "Yusuf Demir",
        "rekrytering",
        "Rekryteringskonsult",
        "N",
        ["rekrytering", "talent acquisition", "arbetsmarknadsinsatser"],
        ["newcomers", "youth-employment"],
        ["tr", "sv", "en"],
        8,
        "Jag matchar arbetssökande med jobb inom lager, hotell och restaurang, ofta i samarbete "
        "med Arbetsförmedlingen.",
        True,
    ),
    (
        "ida.sandberg",
        "Ida Sandberg",
        "rekrytering",
        "Talent Acquisition Lead",
        "N",
        ["talent acquisition", "employer branding", "rekrytering"],
        ["competence-supply"],
        ["sv", "en"],
        6,
        "I help tech and logistics companies in Skåne find and keep the people they need.",
        True,
    ),
    (
        "olena.kovalenko",
        "Olena Kovalenko",
        "sprakskola",
        "Lärare i svenska som andraspråk",
        "P",
        ["språkträning", "yrkesutbildning"],
        ["newcomers"],
        ["uk", "sv", "en"],
        8,
        "Jag undervisar i yrkessvenska för vård, bygg och besöksnäring och tar fram ordlistor för "
        "arbetsplatser.",
        True,
    ),
    (
        "abdirahman.ali",
        "Abdirahman Ali",
        "sprakskola",
        "Studie- och yrkesvägledare",
        "P",
        ["språkträning", "arbetsmarknadsinsatser", "mentorskap"],
        ["newcomers", "youth-employment"],
        ["so", "sv", "ar"],
        10,
        "Jag vägleder nyanlända och unga vuxna till utbildning och jobb och har ett stort "
        "kontaktnät i Rosengård.",
        True,
    ),
    (
        "elsa.forsberg",
        "Elsa Forsberg",
        "arkitekt",
        "Arkitekt SAR/MSA",
        "M",
        ["stadsplanering", "hållbarhet"],
        ["urban-development"],
        ["sv", "en"],
        3,
        "Jag ritar bostäder och offentliga rum och är intresserad av hur hamnområdena kan få "
        "mer liv.",
        True,
    ),
    (
        "viktor.holm",
        "Viktor Holm",
        "revision",
        "Auktoriserad revisor",
        "M",
        ["finansiering", "affärsutveckling"],
        ["entrepreneurship"],
        ["sv"],
        2,
        "Jag granskar små och medelstora företag och ger gärna nya företagare råd om ekonomi.",
        False,
    ),
    (
        "julia.aberg",
        "Julia Åberg",
        "revision",
        "Redovisningskonsult",
        "M",
        ["finansiering", "e-handel"],
        ["entrepreneurship", "newcomers"],
        ["sv", "es"],
        3,
        "Jag hjälper e-handlare och nystartade företag med bokföring och moms.",
        False,
    ),
    (
        "camilla.stahl",
        "Camilla Ståhl",
        "vard",
        "Verksamhetschef",
        "Q",
        ["rekrytering", "ledarskap", "arbetsmiljö"],
        ["competence-supply", "newcomers"],
        ["sv", "en"],
        3,
        "Jag leder en vårdcentral med 40 medarbetare och söker ständigt undersköterskor och "
        "sjuksköterskor.",
        True,
    ),
    (
        "hamid.karimi",
        "Hamid Karimi",
        "vard",
        "Sjuksköterska och handledare",
        "Q",
        ["praktikhandledning", "språkträning"],
        ["competence-supply", "newcomers"],
        ["fa", "sv"],
        4,
        "Jag handleder vårdpersonal med utländsk utbildning på vägen mot svensk legitimation.",
        True,
    ),
    (
        "lars.bengtsson",
        "Lars Bengtsson",
        "livsmedel",
        "Produktionschef",
        "C",
        ["bageri", "livsmedelshygien", "yrkesutbildning"],
        ["competence-supply", "industry-development"],
        ["sv", "da"],
        5,
        "Jag leder ett industribageri med tre skift och behöver fler utbildade bagare och "
        "operatörer.",
        True,
    ),
    (
        "malin.roos",
        "Malin Roos",
        "fastighet",
        "Projektutvecklare",
        "L",
        ["stadsplanering", "byggprojektledning", "CSR"],
        ["urban-development", "investment"],
        ["sv", "en"],
        4,
        "Jag utvecklar kontor och handel i Norra hamnen och vill se fler verksamheter i "
        "bottenvåningarna.",
        True,
    ),
    (
        "karin.nystrom",
        "Karin Nyström",
        "universitet",
        "Universitetslektor i spelutveckling",
        "P",
        ["spelutveckling", "yrkesutbildning", "mentoring"],
        ["competence-supply", "industry-development"],
        ["sv", "en"],
        4,
        "Jag undervisar på spelutvecklingsprogrammet och bygger samarbeten med studios om "
        "praktik och examensarbeten.",
        True,
    ),
    (
        "jamal.osman",
        "Jamal Osman",
        "universitet",
        "Samverkansrådgivare",
        "P",
        ["affärsutveckling", "projektledning"],
        ["entrepreneurship", "competence-supply"],
        ["so", "sv", "en"],
        3,
        "Jag kopplar ihop forskare och studenter med företag som vill utveckla nya idéer.",
        True,
    ),
    (
        "elin.ahmadi",
        "Elin Ahmadi",
        "forening",
        "Ungdomscoach",
        "S",
        ["mentorskap", "arbetsmarknadsinsatser"],
        ["youth-employment"],
        ["sv", "fa", "en"],
        8,
        "Jag coachar unga mellan 16 och 24 år i Rosengård och Seved inför deras första jobb.",
        True,
    ),
    (
        "peter.wikstrom",
        "Peter Wikström",
        "bransch",
        "Branschutvecklare, besöksnäring",
        "S",
        ["hospitality recruitment", "eventproduktion", "employer branding"],
        ["tourism-events", "competence-supply"],
        ["sv", "en"],
        4,
        "Jag samordnar hotellens och restaurangernas kompetensarbete i Skåne.",
        True,
    ),
    (
        "moa.lindberg",
        "Moa Lindberg",
        "spelnatverk",
        "Network Coordinator",
        "S",
        ["spelutveckling", "eventproduktion"],
        ["industry-development"],
        ["sv", "en"],
        3,
        "I bring the region's game studios together for talks, showcases and hiring days.",
        True,
    ),
]

# Profiles the bulk resources are made from: title, SNI section, competences, focus areas,
# languages.
SCALE_PROFILES = [
    ("Rekryterare", "N", ["rekrytering", "employer branding"], ["youth-employment"], ["sv"]),
    ("Hotel Manager", "I", ["hospitality recruitment"], ["tourism-events"], ["en", "sv"]),
    ("Lagerchef", "H", ["logistik", "lagerstyrning"], ["newcomers"], ["sv", "ar"]),
    ("Game Developer", "J", ["spelutveckling"], ["competence-supply"], ["en"]),
    ("Byggprojektledare", "F", ["byggprojektledning"], ["urban-development"], ["sv", "bs"]),
    ("E-handelsansvarig", "G", ["e-handel"], ["entrepreneurship"], ["sv", "fa"]),
    ("Företagsrådgivare", "K", ["finansiering"], ["investment"], ["sv", "en"]),
    ("Eventproducent", "R", ["eventproduktion"], ["tourism-events"], ["sv", "pl"]),
    ("Språkcoach", "P", ["språkträning", "mentorskap"], ["newcomers"], ["sv", "so"]),
    ("Vårdenhetschef", "Q", ["rekrytering", "ledarskap"], ["competence-supply"], ["sv", "ti"]),
]
SCALE_ORGANISATIONS = [key for key, row in ORGANISATIONS.items() if row[1] == Sphere.BUSINESS]


def _organisation(key: str) -> Organisation:
    name, sphere, website = ORGANISATIONS[key]
    organisation, _created = Organisation.objects.get_or_create(
        name=name, defaults={"sphere": sphere, "website": website}
    )
    return organisation


def _competence(name: str) -> Competence:
    """The tag with this name whatever its case, as the join form treats it."""
    return Competence.objects.filter(name__iexact=name).first() or Competence.objects.create(
        name=name
    )


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


@transaction.atomic
def seed_resources() -> int:
    """Create the demo resources; returns how many profiles were created."""
    emails = [demo_email(row[0]) for row in RESOURCES]
    done = set(
        ResourceProfile.objects.filter(user__email__in=emails).values_list("user__email", flat=True)
    )
    if len(done) == len(emails):
        return 0
    password_hash = make_password(DEMO_PASSWORD)
    organisations = {key: _organisation(key) for key in ORGANISATIONS}
    areas = {area.code: area for area in FocusArea.objects.all()}
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    now = timezone.now()
    created = 0
    for index, row in enumerate(RESOURCES):
        (local, name, org, title, industry, tags, codes, langs, hours, presentation, active) = row
        email = demo_email(local)
        if email in done:
            continue
        user, _new = _ensure_user(
            email,
            name,
            organisations[org],
            password_hash,
            language="en" if langs[0] == "en" or presentation.startswith("I ") else "sv",
        )
        profile = ResourceProfile.objects.create(
            user=user,
            title=title,
            industry=industry,
            hours_per_month=hours,
            presentation=presentation,
            active=active,
            consent=True,
            consent_at=now - timedelta(days=7 + (index * 11) % 180, hours=index % 9),
        )
        profile.competences.set([_competence(tag) for tag in tags])
        profile.focus_areas.set([areas[code] for code in codes if code in areas])
        profile.languages.set([languages[code] for code in langs if code in languages])
        created += 1
    return created


def _scale_name(i: int) -> str:
    first = SCALE_FIRST[(i * 3) % len(SCALE_FIRST)]
    return f"{first} {SCALE_LAST[(i // len(SCALE_FIRST) + i) % len(SCALE_LAST)]}"


@transaction.atomic
def seed_scale(count: int) -> int:
    """Bulk-insert up to `count` extra resources (the same ones every run) for benchmarks;
    returns how many profiles were created."""
    if count <= 0:
        return 0
    scale_users = User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}")
    wanted = {f"resurs{i}@{SCALE_DOMAIN}": i for i in range(1, count + 1)}
    with_profile = set(
        ResourceProfile.objects.filter(user__email__endswith=f"@{SCALE_DOMAIN}").values_list(
            "user__email", flat=True
        )
    )
    if wanted.keys() <= with_profile:
        return 0

    organisations = [_organisation(key) for key in SCALE_ORGANISATIONS]
    existing = set(scale_users.values_list("email", flat=True))
    password_hash = make_password(DEMO_PASSWORD)
    new_users = [
        User(
            email=email,
            name=_scale_name(i),
            organisation=organisations[i % len(organisations)],
            password=password_hash,
        )
        for email, i in wanted.items()
        if email not in existing
    ]
    User.objects.bulk_create(new_users, batch_size=1000)
    new_emails = {user.email for user in new_users}
    users = {email: pk for email, pk in scale_users.values_list("email", "id") if email in wanted}
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email, verified=True, primary=True)
            for email, pk in users.items()
            if email in new_emails
        ],
        batch_size=1000,
    )

    now = timezone.now()
    todo = {email: i for email, i in wanted.items() if email not in with_profile}
    ResourceProfile.objects.bulk_create(
        [
            ResourceProfile(
                user_id=users[email],
                title=SCALE_PROFILES[i % len(SCALE_PROFILES)][0],
                industry=SCALE_PROFILES[i % len(SCALE_PROFILES)][1],
                hours_per_month=2 + i % 19,
                presentation="Jag vill bidra med min erfarenhet till arbetsgrupper i Malmö.",
                active=i % 12 != 0,
                consent=True,
                consent_at=now - timedelta(days=i % 365),
            )
            for email, i in todo.items()
        ],
        batch_size=1000,
    )

    tags = {
        tag: _competence(tag).pk for profile in SCALE_PROFILES for tag in profile[2]
    }  # a handful of names, each looked up once
    areas = dict(FocusArea.objects.values_list("code", "id"))
    languages = dict(SpokenLanguage.objects.values_list("code", "id"))
    profiles = ResourceProfile.objects.filter(user__email__endswith=f"@{SCALE_DOMAIN}")
    competence_rows, area_rows, language_rows = [], [], []
    Competences = ResourceProfile.competences.through
    Areas = ResourceProfile.focus_areas.through
    Languages = ResourceProfile.languages.through
    for pk, email in profiles.values_list("id", "user__email"):
        i = todo.get(email)
        if i is None:
            continue
        _title, _industry, names, codes, langs = SCALE_PROFILES[i % len(SCALE_PROFILES)]
        competence_rows += [
            Competences(resourceprofile_id=pk, competence_id=tags[n]) for n in names
        ]
        area_rows += [
            Areas(resourceprofile_id=pk, focusarea_id=areas[c]) for c in codes if c in areas
        ]
        language_rows += [
            Languages(resourceprofile_id=pk, spokenlanguage_id=languages[c])
            for c in langs
            if c in languages
        ]
    Competences.objects.bulk_create(competence_rows, batch_size=2000)
    Areas.objects.bulk_create(area_rows, batch_size=2000)
    Languages.objects.bulk_create(language_rows, batch_size=2000)
    return len(todo)
