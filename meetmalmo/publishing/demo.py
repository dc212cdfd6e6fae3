"""Demo news: the stories a real Meet Malmö would carry, in Swedish and English (one only in
Swedish and one only in English, so the language fallback shows), with simple illustrative
pictures, a scheduled article, a draft and comments in every moderation state; and bulk articles
for benchmarks. Idempotent: an article with the same address is left alone."""

import io
import random
import re
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from meetmalmo.accounts.models import User
from meetmalmo.core.demo import PROCESS_MANAGERS
from meetmalmo.publishing.images import WIDTH
from meetmalmo.publishing.models import Comment, NewsArticle, Project

LENA = PROCESS_MANAGERS[0][0]  # processledare@demo.meetmalmo.se
OMAR = PROCESS_MANAGERS[1][0]
OFFICE = "Näringslivskontoret"

SCALE_PREFIX = "nyhet-skala-"
HEIGHT = WIDTH * 9 // 16

MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"]
MONTHS_SV += ["september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS_EN += ["September", "October", "November", "December"]

# The pictures: two colours for a top-to-bottom gradient, the shapes drawn on it, and an
# honest description of what the picture shows.
PICTURES = {
    "green-circles": (
        (0, 122, 61),
        (120, 190, 32),
        "circles",
        "Abstrakt bild i Malmö-grönt: en grön toning med ljusa cirklar i olika storlekar",
        "Abstract picture in Malmö green: a green gradient with light circles of different sizes",
    ),
    "blue-blocks": (
        (14, 48, 110),
        (52, 140, 210),
        "blocks",
        "Abstrakt bild: en blå toning med rader av ljusa fyrkanter som påminner om pixlar",
        "Abstract picture: a blue gradient with rows of light squares that look like pixels",
    ),
    "orange-skyline": (
        (242, 146, 0),
        (250, 210, 90),
        "skyline",
        "Abstrakt bild: en orange toning med en blek sol och en mörk siluett av hus längst ner",
        "Abstract picture: an orange gradient with a pale sun and dark silhouettes of houses",
    ),
    "teal-waves": (
        (0, 92, 110),
        (90, 190, 190),
        "waves",
        "Abstrakt bild: en blågrön toning med vita vågiga linjer som liknar hav",
        "Abstract picture: a blue-green gradient with white wavy lines that suggest the sea",
    ),
    "purple-triangles": (
        (80, 40, 120),
        (210, 90, 140),
        "triangles",
        "Abstrakt bild: en lila till rosa toning med ljusa trianglar spridda över ytan",
        "Abstract picture: a purple to pink gradient with light triangles scattered across it",
    ),
}


def _text(source: str) -> str:
    """Markdown written here wrapped to fit the code, stored the way a person types it: each
    paragraph and each list item on one line."""
    blocks = []
    for block in source.strip().split("\n\n"):
        lines = []
        for line in block.splitlines():
            if lines and not re.match(r"(- |\d+\. )", line):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# slug, byline (a demo process manager's e-mail, or OFFICE), days before today (None: a draft;
# negative: scheduled), picture, title, lead and body in Swedish and English ("" where the
# article is written in one language only).
ARTICLES = [
    {
        "slug": "tusen-unga-motte-besoksnaringen-pa-malmo-live",
        "byline": LENA,
        "days": 260,
        "picture": "green-circles",
        "title_sv": "Tusen unga mötte besöksnäringen på Malmö Live",
        "title_en": "A thousand young people met the hospitality industry at Malmö Live",
        "lead_sv": "Drygt tusen Malmöungdomar fyllde Malmö Live för att träffa hotell, "
        "restauranger och konferensanläggningar. Dagen är ett av de första samarbetena som "
        "vuxit fram ur Meet Malmö.",
        "lead_en": "More than a thousand young people from Malmö filled Malmö Live to meet "
        "hotels, restaurants and conference venues. The day is one of the first partnerships to "
        "grow out of Meet Malmö.",
        "body_sv": _text(
            """
I veckan var foajén och salarna på **Malmö Live** fulla av unga som ville veta mer om jobben i
besöksnäringen. Hotell, restauranger och konferensanläggningar hade byggt upp stationer där
besökarna fick prova på arbetet och prata direkt med dem som anställer.

Några av yrkena som visades upp:

- kock och kallskänka
- konferensvärd
- receptionist på hotell
- servitör och bartender

Besöksnäringen växer och står för en stor del av de nya jobben i Sverige. Samtidigt har många
arbetsgivare i Malmö svårt att hitta personal, medan många unga letar efter sitt första jobb.
**Den här dagen möttes de två behoven.**

Idén kom in till Meet Malmö som ett initiativ från näringslivet. En arbetsgrupp med hotell,
restauranger, Arbetsmarknads- och socialförvaltningen och Näringslivskontoret planerade dagen
tillsammans.

Är du mellan 16 och 19 år och vill prova på arbetslivet i sommar? Läs mer om [Ung i sommar på
malmo.se](https://malmo.se/Om-Malmo-stad/Praktik-for-unga-och-vuxna/Ung-i-sommar.html).
"""
        ),
        "body_en": _text(
            """
This week the foyer and halls of **Malmö Live** were full of young people who wanted to know
more about jobs in hospitality. Hotels, restaurants and conference venues had set up stations
where visitors could try the work and talk directly to the people who hire.

Some of the jobs on show:

- chef and cold-kitchen cook
- conference host
- hotel receptionist
- waiter and bartender

Hospitality is growing and accounts for a large share of new jobs in Sweden. At the same time,
many employers in Malmö struggle to find staff while many young people are looking for their
first job. **On this day the two needs met.**

The idea came to Meet Malmö as an initiative from the business community. A working group of
hotels, restaurants, the Labour Market and Social Services Department and the Trade and Industry
Office planned the day together.

Are you between 16 and 19 and want to try working life this summer? Read more about [Ung i
sommar on malmo.se](https://malmo.se/Om-Malmo-stad/Praktik-for-unga-och-vuxna/Ung-i-sommar.html)
(in Swedish).
"""
        ),
    },
    {
        "slug": "de-forsta-arbetsgrupperna-ar-igang",
        "byline": OMAR,
        "days": 300,
        "picture": None,
        "title_sv": "De första arbetsgrupperna är igång",
        "title_en": "The first working groups are up and running",
        "lead_sv": "Tre initiativ har antagits av Meet Malmö och fått egna arbetsgrupper. Nu "
        "börjar arbetet med att göra idéerna till konkreta lösningar.",
        "lead_en": "Three initiatives have been adopted by Meet Malmö and now have working groups "
        "of their own. The work of turning the ideas into concrete solutions begins.",
        "body_sv": _text(
            """
När ett initiativ antas bildas en arbetsgrupp med personer från olika delar av samhället:
företag, Malmö stad, myndigheter, akademi och civilsamhälle. Nu har de **tre första grupperna**
haft sina första möten.

Grupperna arbetar med:

- sommarjobb i besöksnäringen för unga Malmöbor
- kompetensförsörjning i spelbranschen
- första jobbet för nyanlända inom logistik

Företagens representanter kommer främst från **Meet Malmö-resurserna**, de personer i
näringslivet som anmält att de vill vara med i samarbeten. Malmö stad samordnar uppstarten, men
när arbetet väl är igång är det den som är bäst lämpad som äger och driver frågan vidare.

Vill du också bidra? Registrera dig som resurs här i portalen, så hör vi av oss när en grupp
behöver din erfarenhet. Mer om stadens arbete för företagen finns på
[malmo.se/naringsliv](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
When an initiative is adopted, a working group is formed with people from different parts of
society: companies, the City of Malmö, public authorities, academia and civil society. The
**first three groups** have now held their first meetings.

The groups are working on:

- summer jobs in hospitality for young people in Malmö
- skills supply for the games industry
- first jobs in logistics for newcomers

The business representatives come mainly from the **Meet Malmö resources**, people in the
business community who have signed up to take part in partnerships. The City of Malmö
coordinates the start, but once the work is under way, whoever is best placed owns and drives
the issue.

Would you like to contribute too? Sign up as a resource here in the portal and we will be in
touch when a group needs your experience. More about the City's work for businesses is on
[malmo.se/naringsliv](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "spel-spelar-roll-for-malmo",
        "byline": LENA,
        "days": 205,
        "picture": "blue-blocks",
        "title_sv": "Spel spelar roll för Malmö",
        "title_en": "Games matter to Malmö",
        "lead_sv": "Malmös spelstudior växer snabbare än de hittar utvecklare. Två initiativ i "
        "Meet Malmö undersöker hur studior, staden och universitetet kan säkra kompetensen.",
        "lead_en": "Malmö's game studios are growing faster than they can find developers. Two "
        "Meet Malmö initiatives look at how studios, the City and the university can secure the "
        "skills.",
        "body_sv": _text(
            """
Malmö har blivit en av Nordens tätaste miljöer för spelutveckling, med allt från stora studior i
Västra Hamnen till små team som just släppt sitt första spel. Branschen skapar jobb, lockar
talanger till staden och driver innovation även i andra branscher.

Men tillväxten har ett hinder: **kompetensförsörjningen**. När arbetsgruppen intervjuade elva
studior i Malmö var det framför allt tre roller som saknades:

- tekniska grafiker (technical artists)
- testare och QA-ingenjörer
- erfarna programmerare inom spelmotorer

Två initiativ i Meet Malmö tar sig an frågan från olika håll. Det ena handlar om att bygga en
väg från utbildning till jobb tillsammans med **Malmö universitet**. Det andra om hur staden kan
göra det lättare för internationella utvecklare att flytta hit och stanna.

Det hela började som en idé som kom in via portalen. Har du också en idé om hur näringslivet och
staden kan samarbeta? Lämna in den här, eller läs mer om [Malmö stads arbete för
näringslivet](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
Malmö has become one of the densest game development hubs in the Nordic countries, with
everything from large studios in Västra Hamnen to small teams that have just released their
first game. The industry creates jobs, draws talent to the city and drives innovation in other
sectors too.

But growth has an obstacle: **skills supply**. When the working group interviewed eleven studios
in Malmö, three roles stood out as the hardest to fill:

- technical artists
- testers and QA engineers
- experienced game engine programmers

Two Meet Malmö initiatives tackle the issue from different angles. One is about building a path
from education to employment together with **Malmö University**. The other looks at how the City
can make it easier for international developers to move here and stay.

It all started as an idea submitted through the portal. Do you also have an idea for how
business and the City can work together? Submit it here, or read more about [the City of Malmö's
work for business](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "femton-initiativ-har-fatt-liv",
        "byline": OFFICE,
        "days": 150,
        "picture": None,
        "title_sv": "Femton initiativ har fått liv genom Meet Malmö",
        "title_en": "Fifteen initiatives have come to life through Meet Malmö",
        "lead_sv": "Sedan starten har femton samverkansinitiativ tagits emot och bearbetats i Meet "
        "Malmö. Här är en överblick över vad de handlar om och vad som hänt hittills.",
        "lead_en": "Since it began, Meet Malmö has received and worked on fifteen collaboration "
        "initiatives. Here is an overview of what they are about and what has happened so far.",
        "body_sv": _text(
            """
Meet Malmö bygger på en enkel tanke: det finns många goda idéer om social hållbarhet hos
företag, organisationer och Malmö stad, och **tillsammans når vi längre** än var för sig. Nu har
forumet passerat femton initiativ.

Initiativen spänner över flera områden:

- kompetensförsörjning i vården, logistiken och spelbranschen
- nyanländas väg till sitt första jobb
- sommarjobb och praktik för unga
- investeringar och service i hamnområdet

Varje initiativ hanteras av Näringslivskontoret **inom tre veckor**. Först görs en inventering
av vad som redan pågår inom området, både i Malmö stad och utanför, så att ingen uppfinner
hjulet två gånger. Sedan avgörs om frågan passar för Meet Malmö.

Resultaten från avslutade uppdrag återrapporteras och delas vidare, så att fler kan ta del av
erfarenheterna. Läs mer om [näringslivsarbetet på malmo.se](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
Meet Malmö is built on a simple thought: companies, organisations and the City of Malmö have
many good ideas for social sustainability, and **together we get further** than each on our own.
The forum has now passed fifteen initiatives.

The initiatives cover several areas:

- skills supply in health care, logistics and the games industry
- newcomers' path to their first job
- summer jobs and work experience for young people
- investment and services in the port area

The Trade and Industry Office handles every initiative **within three weeks**. First it maps
what is already going on in the area, both within the City of Malmö and outside it, so that
nobody reinvents the wheel. Then it decides whether the issue is right for Meet Malmö.

The results of completed assignments are reported back and shared, so that more people can learn
from them. Read more about [the City's work for business on
malmo.se](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "nytt-fokusomrade-entreprenorskap",
        "byline": OMAR,
        "days": 100,
        "picture": "purple-triangles",
        "title_sv": "Nytt fokusområde: entreprenörskap",
        "title_en": "New focus area: entrepreneurship",
        "lead_sv": "Meet Malmö får ett nytt fokusområde. Initiativ som hjälper fler Malmöbor att "
        "starta och driva företag har nu en egen plats i portalen.",
        "lead_en": "Meet Malmö has a new focus area. Initiatives that help more people in Malmö "
        "start and run a business now have a place of their own in the portal.",
        "body_sv": _text(
            """
Allt fler av initiativen som kommer in handlar om företagande: att starta eget, att växa från
enmansföretag till första anställningen, eller att hitta lokaler i en ny stadsdel. Därför inför
vi **entreprenörskap** som ett eget fokusområde.

Fokusområdet passar till exempel för initiativ om:

- rådgivning och mentorskap för nya företagare
- lokaler och service i stadsdelar med få företag
- unga som driver sommarföretag i stället för att söka sommarjobb

När du lämnar in ett initiativ väljer du ett eller flera fokusområden. Det hjälper
processledarna att hitta **rätt personer till arbetsgruppen** och att se vilka satsningar som
redan pågår.

Det här är inte en ny verksamhet i staden, utan ett sätt att göra de idéer som redan finns
synliga. Vill du veta mer om stöd till företagare i Malmö? Gå till
[malmo.se/naringsliv](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
More and more of the initiatives we receive are about enterprise: starting up, growing from a
one-person business to the first employee, or finding premises in a new part of town. That is
why we are introducing **entrepreneurship** as a focus area of its own.

The focus area suits initiatives about, for example:

- advice and mentoring for new business owners
- premises and services in neighbourhoods with few businesses
- young people running a summer business instead of looking for a summer job

When you submit an initiative you choose one or more focus areas. This helps the process
managers find **the right people for the working group** and see which efforts are already under
way.

This is not a new City service but a way of making the ideas that already exist visible. Want to
know more about support for businesses in Malmö? Visit
[malmo.se/naringsliv](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "sommarjobb-pa-hotell-och-restauranger",
        "byline": LENA,
        "days": 62,
        "picture": None,
        "title_sv": "Sommarjobb på hotell och restauranger – nu kan unga anmäla intresse",
        "title_en": "",
        "lead_sv": "Tjugotre hotell och restauranger i Malmö erbjuder sommarjobb till unga mellan "
        "16 och 19 år. Matchningen sker i samarbete med Malmö stad.",
        "lead_en": "",
        "body_sv": _text(
            """
Arbetsgruppen för sommarjobb i besöksnäringen har nu samlat **23 arbetsgivare** som tillsammans
erbjuder drygt hundra platser i sommar. Jobben finns i hela staden, från hotellen vid Centralen
till restaurangerna i Hyllie och Västra Hamnen.

Så går det till:

1. Du anmäler intresse via Ung i sommar.
2. Arbetsgivarna presenterar sig på en matchningsdag.
3. Du får ett erbjudande och en handledare som tar emot dig första dagen.

Arbetsgivarna lovar att varje sommarjobbare får en **riktig introduktion**, en namngiven
handledare och ett intyg efter sommaren. Flera av dem har också öppnat för extrajobb under
hösten för den som vill fortsätta.

Anmälan och villkor finns på
[malmo.se](https://malmo.se/Om-Malmo-stad/Praktik-for-unga-och-vuxna/Ung-i-sommar.html). Är du
arbetsgivare och vill vara med? Kontakta processledaren via portalen.
"""
        ),
        "body_en": "",
    },
    {
        "slug": "first-jobs-for-newcomers-in-port-logistics",
        "byline": OMAR,
        "days": 30,
        "picture": "teal-waves",
        "title_sv": "",
        "title_en": "First jobs for newcomers in port logistics",
        "lead_sv": "",
        "lead_en": "Logistics companies in the port of Malmö are taking on newcomers for work "
        "placements that lead to employment. The first eight participants started this month.",
        "body_sv": "",
        "body_en": _text(
            """
The logistics firms around Norra hamnen need warehouse staff, truck drivers and coordinators,
and many newcomers to Malmö have relevant experience from their home countries but no Swedish
references. The working group behind this initiative wants to close that gap.

The model is simple:

- a **twelve-week placement** with a named supervisor at the company
- work-related Swedish taught on site, two afternoons a week
- a forklift licence paid for during the placement
- an interview for a permanent position at the end

**Eight participants** started this month at three companies. Arbetsförmedlingen helps with
matching, and the City's adult education provides the language training.

The companies bear most of the cost themselves. "We are not doing this out of charity," says one
of the site managers. "We need the people, and this is a faster way to find them than any
advert."

Read more about how the City works with [business and employment on
malmo.se](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "valkommen-till-meet-malmo-frukost",
        "byline": LENA,
        "days": 8,
        "picture": "orange-skyline",
        "title_sv": "Välkommen till Meet Malmö-frukost: så blir din idé ett initiativ",
        "title_en": "Welcome to a Meet Malmö breakfast: how your idea becomes an initiative",
        "lead_sv": "Har du en idé om hur näringslivet och staden kan samarbeta? Kom på frukost den "
        "{date_sv} och träffa processledarna bakom Meet Malmö.",
        "lead_en": "Do you have an idea for how business and the City could work together? Join us "
        "for breakfast on {date_en} and meet the process managers behind Meet Malmö.",
        "body_sv": _text(
            """
Vi bjuder in till en frukost för dig som driver företag eller arbetar i en organisation i Malmö
och vill veta hur Meet Malmö fungerar. **Den {date_sv} kl. 7.45–9.00** i Näringslivskontorets
lokaler vid Stortorget.

Under frukosten går vi igenom:

- vilka frågor som passar för Meet Malmö
- hur ett initiativ hanteras de första tre veckorna
- hur arbetsgrupper bildas och vem som äger arbetet
- hur du blir en Meet Malmö-resurs om du vill bidra utan egen idé

Två företag som redan har drivit initiativ berättar om sina erfarenheter, och du får tid att
prata med processledarna om **din egen idé**.

Frukosten är kostnadsfri men antalet platser är begränsat. Anmäl dig genom att svara på inbjudan
i portalen. Mer om stadens arbete för företagen finns på
[malmo.se/naringsliv](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
We invite you to breakfast if you run a business or work for an organisation in Malmö and want
to know how Meet Malmö works. **On {date_en}, 7.45–9.00 am**, at the Trade and Industry Office
by Stortorget.

Over breakfast we will go through:

- which issues are right for Meet Malmö
- how an initiative is handled during its first three weeks
- how working groups are formed and who owns the work
- how to become a Meet Malmö resource if you want to contribute without an idea of your own

Two companies that have already driven initiatives will share their experience, and there will
be time to talk to the process managers about **your own idea**.

The breakfast is free of charge but places are limited. Sign up by replying to the invitation in
the portal. More about the City's work for businesses is on
[malmo.se/naringsliv](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "bli-en-meet-malmo-resurs",
        "byline": OFFICE,
        "days": -5,
        "picture": None,
        "title_sv": "Bli en Meet Malmö-resurs – din erfarenhet behövs",
        "title_en": "Become a Meet Malmö resource – your experience is needed",
        "lead_sv": "Du behöver ingen egen idé för att vara med. Som Meet Malmö-resurs bidrar du "
        "med din kunskap när en arbetsgrupp ska bildas.",
        "lead_en": "You do not need an idea of your own to take part. As a Meet Malmö resource you "
        "contribute your knowledge when a working group is formed.",
        "body_sv": _text(
            """
Många som hör av sig till oss vill bidra till en socialt hållbar utveckling i Malmö men har
ingen egen idé att lämna in. Då kan du bli **Meet Malmö-resurs**.

Som resurs berättar du i portalen vad du kan och hur mycket tid du har. Det kan vara:

- erfarenhet från en bransch, till exempel handel, bygg eller IT
- kunskap om rekrytering, utbildning eller etablering
- ett nätverk som en arbetsgrupp kan ha nytta av

När ett initiativ antas söker processledarna bland resurserna efter rätt personer. Du får en
förfrågan och bestämmer själv om du vill vara med. **Du kan pausa din profil** när du har mycket
att göra.

Registrera dig i portalen redan i dag. Vill du veta mer om hur staden samarbetar med
näringslivet? Läs på [malmo.se/naringsliv](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
Many people who contact us want to help make Malmö socially sustainable but have no idea of
their own to submit. Then you can become a **Meet Malmö resource**.

As a resource you tell us in the portal what you know and how much time you have. That could be:

- experience from an industry, such as retail, construction or IT
- knowledge of recruitment, training or helping newcomers settle
- a network that a working group could make use of

When an initiative is adopted, the process managers look among the resources for the right
people. You receive a request and decide for yourself whether to take part. **You can pause your
profile** when you are busy.

Sign up in the portal today. Want to know more about how the City works with business? Read
[malmo.se/naringsliv](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
    {
        "slug": "spelbranschens-kompetens-resultat-fran-arbetsgruppen",
        "byline": LENA,
        "days": None,
        "picture": None,
        "title_sv": "Spelbranschens kompetens: de första resultaten från arbetsgruppen",
        "title_en": "Skills for the games industry: first results from the working group",
        "lead_sv": "Studiorna, universitetet och staden har kommit överens om en pilotkurs. "
        "Här är vad arbetsgruppen har kommit fram till så här långt.",
        "lead_en": "The studios, the university and the City have agreed on a pilot course. "
        "Here is what the working group has arrived at so far.",
        "body_sv": _text(
            """
Arbetsgruppen för spelbranschens kompetensförsörjning har träffats fyra gånger sedan starten.
Resultatet är ett förslag till en **pilotkurs** som kan starta redan nästa termin.

Kursen består av tre delar:

1. grunder i spelmotorerna Unity och Unreal
2. test och testautomatisering
3. åtta veckors praktik på en studio i Malmö

Studiorna tar emot praktikanterna och **Malmö universitet** står för undervisningen. Staden
bidrar med samordning och lokaler.

Texten kompletteras när kursplanen är klar. Mer om stadens näringslivsarbete på
[malmo.se/naringsliv](https://malmo.se/naringsliv.html).
"""
        ),
        "body_en": _text(
            """
The working group on skills for the games industry has met four times since it started. The
result is a proposal for a **pilot course** that could start as early as next term.

The course has three parts:

1. Unity and Unreal engine basics
2. testing and test automation
3. an eight-week placement at a studio in Malmö

The studios host the placements and **Malmö University** does the teaching. The City contributes
coordination and premises.

This text will be completed when the syllabus is ready. More about the City's work for business
at [malmo.se/naringsliv](https://malmo.se/naringsliv.html) (in Swedish).
"""
        ),
    },
]

# Per article: name, e-mail, text, state, hours after publication (or, for comments waiting
# for moderation, hours before now).
COMMENTS = {
    "tusen-unga-motte-besoksnaringen-pa-malmo-live": [
        (
            "Maria Lindberg",
            "maria.lindberg@example.se",
            "Min dotter var där med sin klass och kom hem full av idéer. Hon har redan sökt "
            "extrajobb på ett hotell. Tack för ett fint initiativ!",
            Comment.State.APPROVED,
            20,
        ),
        (
            "Ahmed Khalil",
            "ahmed.khalil@example.se",
            "Jag driver en restaurang på Möllan och hade gärna varit med. Blir det en dag till "
            "nästa år?",
            Comment.State.APPROVED,
            30,
        ),
        (
            "Johanna Holm",
            "johanna.holm@example.se",
            "Som studie- och yrkesvägledare tycker jag att det här är precis rätt sätt att visa "
            "branschen. Eleverna fick prata med riktiga arbetsgivare, inte bara läsa broschyrer.",
            Comment.State.APPROVED,
            52,
        ),
    ],
    "spel-spelar-roll-for-malmo": [
        (
            "Erik Sandberg",
            "erik.sandberg@example.se",
            "Great to see the City take this seriously. We have had an opening for a technical "
            "artist for eight months.",
            Comment.State.APPROVED,
            6,
        ),
        (
            "Linnea Ström",
            "linnea.strom@example.se",
            "Jag läser spelutveckling på Malmö universitet. En praktikperiod på en studio skulle "
            "göra enorm skillnad för oss studenter.",
            Comment.State.APPROVED,
            26,
        ),
    ],
    "sommarjobb-pa-hotell-och-restauranger": [
        (
            "Peter Nyberg",
            "peter.nyberg@example.se",
            "Vi på hotellet tog emot fyra sommarjobbare i fjol och två av dem jobbar kvar extra. "
            "Rekommenderas varmt till andra arbetsgivare!",
            Comment.State.APPROVED,
            40,
        ),
    ],
    "first-jobs-for-newcomers-in-port-logistics": [
        (
            "Samir Haddad",
            "samir.haddad@example.se",
            "I have worked in a warehouse in Aleppo for ten years. How can I apply for the next "
            "group?",
            Comment.State.PENDING,
            20,
        ),
    ],
    "valkommen-till-meet-malmo-frukost": [
        (
            "Karin Ek",
            "karin.ek@example.se",
            "Går det att delta digitalt? Jag sitter i Lund den morgonen men vill gärna höra mer.",
            Comment.State.PENDING,
            3,
        ),
    ],
    "femton-initiativ-har-fatt-liv": [
        (
            "Snabba Lån Direkt",
            "erbjudande@example.se",
            "Behöver ditt företag pengar SNABBT? Lån utan UC, svar på 5 minuter! "
            "Klicka här: https://snabba-lan.example.se/?ref=meetmalmo",
            Comment.State.SPAM,
            8,
        ),
    ],
}


def _picture(name: str) -> bytes:
    """A simple illustrative PNG, WIDTH×HEIGHT: a gradient with shapes, the same every run."""
    top, bottom, shapes, _alt_sv, _alt_en = PICTURES[name]
    size = (WIDTH, HEIGHT)
    mask = Image.linear_gradient("L").resize(size)
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    rng = random.Random(name)
    light = (255, 255, 255)
    if shapes == "circles":
        for _ in range(14):
            x, y, r = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(30, 170)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*light, rng.randint(35, 90)))
    elif shapes == "blocks":
        step = 60
        for row in range(HEIGHT // step):
            for column in range(WIDTH // step):
                if rng.random() < 0.22:
                    x, y = column * step + 6, row * step + 6
                    draw.rectangle(
                        (x, y, x + step - 12, y + step - 12), fill=(*light, rng.randint(40, 120))
                    )
    elif shapes == "skyline":
        x = 0
        while x < WIDTH:
            width, height = rng.randint(50, 140), rng.randint(90, 330)
            draw.rectangle((x, HEIGHT - height, x + width, HEIGHT), fill=(40, 30, 60, 210))
            x += width + rng.randint(0, 12)
        draw.ellipse((880, 90, 1040, 250), fill=(*light, 150))
    elif shapes == "waves":
        for line in range(9):
            base = 120 + line * 60
            points = [
                (x, base + 18 * ((x // 40 + line) % 4 in (1, 2)) * (1 if line % 2 else -1))
                for x in range(0, WIDTH + 40, 40)
            ]
            draw.line(points, fill=(*light, 90 + line * 15), width=6, joint="curve")
    else:  # triangles
        for _ in range(18):
            x, y, r = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(30, 120)
            draw.polygon(
                [(x, y - r), (x - r, y + r), (x + r, y + r)], fill=(*light, rng.randint(35, 100))
            )
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _date(day, months: list[str]) -> str:
    return f"{day.day} {months[day.month - 1]}"


@transaction.atomic
def seed_news() -> int:
    """Create the demo articles that are not there yet, with their pictures and comments."""
    now = timezone.now()
    morning = timezone.localtime(now).replace(hour=8, minute=30, second=0, microsecond=0)
    existing = set(
        NewsArticle.objects.filter(slug__in=[a["slug"] for a in ARTICLES]).values_list(
            "slug", flat=True
        )
    )
    managers = {user.email: user for user in User.objects.filter(email__in=[LENA, OMAR])}
    moderator = managers.get(LENA)
    event = timezone.localdate(now) + timedelta(days=12)  # the breakfast the invitation is for
    dates = {"date_sv": _date(event, MONTHS_SV), "date_en": _date(event, MONTHS_EN)}
    created = 0
    for spec in ARTICLES:
        if spec["slug"] in existing:
            continue
        writer = managers.get(spec["byline"]) or moderator
        byline = writer.name if spec["byline"] != OFFICE and writer else OFFICE
        publish_at = None if spec["days"] is None else morning - timedelta(days=spec["days"])
        article = NewsArticle(
            slug=spec["slug"],
            byline=byline,
            author=writer,
            publish_at=publish_at,
            **{
                f"{field}_{lang}": spec[f"{field}_{lang}"].format(**dates)
                for field in ("title", "lead", "body")
                for lang in ("sv", "en")
            },
        )
        if spec["picture"]:
            _top, _bottom, _shapes, alt_sv, alt_en = PICTURES[spec["picture"]]
            # A picture left behind by an earlier demo database is replaced, not duplicated.
            leftover = f"news/{spec['slug']}.png"
            if article.image.storage.exists(leftover):
                article.image.storage.delete(leftover)
            article.image.save(
                f"{spec['slug']}.png", ContentFile(_picture(spec["picture"])), save=False
            )
            article.image_alt_sv = alt_sv
            article.image_alt_en = alt_en
            article.photo_credit = "Meet Malmö"
        article.save()
        created += 1
        for name, email, text, state, hours in COMMENTS.get(spec["slug"], []):
            comment = Comment.objects.create(
                article=article, name=name, email=email, text=text, state=state
            )
            if state == Comment.State.PENDING:
                written = now - timedelta(hours=hours)
            else:
                written = (publish_at or now) + timedelta(hours=hours)
            moderated = state == Comment.State.APPROVED and moderator is not None
            Comment.objects.filter(pk=comment.pk).update(
                created_at=written,
                moderated_by=moderator if moderated else None,
                moderated_at=written + timedelta(hours=2) if moderated else None,
            )
    return created


SCALE_TOPICS = [
    ("sommarjobb för unga", "summer jobs for young people"),
    ("kompetensförsörjning i spelbranschen", "skills for the games industry"),
    ("nyanländas första jobb", "newcomers' first jobs"),
    ("besöksnäringens evenemang", "events in hospitality"),
    ("nya företag i stadsdelarna", "new businesses in the neighbourhoods"),
]


def seed_scale(count: int) -> int:
    """Bulk-insert up to `count` extra published articles (the same ones every run), with an
    approved comment on every 250th, for benchmarks."""
    existing = NewsArticle.objects.filter(slug__startswith=SCALE_PREFIX).count()
    if count <= existing:
        return 0
    now = timezone.now()
    new = []
    for n in range(existing + 1, count + 1):
        topic_sv, topic_en = SCALE_TOPICS[n % len(SCALE_TOPICS)]
        new.append(
            NewsArticle(
                slug=f"{SCALE_PREFIX}{n}",
                title_sv=f"Skalnyhet {n}: om {topic_sv}",
                title_en=f"Scale news {n}: about {topic_en}",
                lead_sv=f"En nyhet om {topic_sv} i Malmö, för prestandatester.",
                lead_en=f"A news item about {topic_en} in Malmö, for performance tests.",
                body_sv=f"Näringslivet och **Malmö stad** samarbetar om {topic_sv}.",
                body_en=f"Business and the **City of Malmö** work together on {topic_en}.",
                byline=OFFICE,
                # Spread over about three years, a few hours apart; never in the future.
                publish_at=now - timedelta(days=10 + (n * 7) % 1000, hours=n % 24),
            )
        )
    NewsArticle.objects.bulk_create(new, batch_size=1000)
    commented = [f"{SCALE_PREFIX}{n}" for n in range(existing + 1, count + 1) if n % 250 == 1]
    Comment.objects.bulk_create(
        [
            Comment(
                article_id=pk,
                name="Anna Andersson",
                email="anna.andersson@example.se",
                text="Intressant läsning, tack!",
                state=Comment.State.APPROVED,
            )
            for pk in NewsArticle.objects.filter(slug__in=commented).values_list("id", flat=True)
        ],
        batch_size=1000,
    )
    return len(new)


def seed_projects() -> int:
    """Publish the project pages the workflow drafted for the demo's adopted initiatives, from
    the day of the decision; returns how many were published now."""
    published = 0
    for project in Project.objects.filter(published_at=None).select_related("initiative"):
        if project.initiative.state == "adopted":
            continue  # just adopted: the office is still writing its page
        project.published_at = project.initiative.decided_at or timezone.now()
        project.save(update_fields=["published_at", "updated_at"])
        published += 1
    _seed_reports()
    return published


DEMO_OUTCOMES = [
    ("unga som nåddes", 1000, "personer"),
    ("sommarjobb", 38, "jobb"),
    ("företag som deltog", 23, "företag"),
]


def _seed_reports() -> None:
    """A published final report with outcomes for each completed demo initiative."""
    from meetmalmo.publishing.models import Outcome, Report

    for project in Project.objects.filter(initiative__state="completed").select_related(
        "initiative"
    ):
        initiative = project.initiative
        if initiative.reports.exists():
            continue
        report = Report.objects.create(
            initiative=initiative,
            kind=Report.Kind.FINAL,
            summary=(
                f"{initiative.title}: arbetsgruppen samlade hotell, restauranger, staden och "
                "föreningar. **Tusen unga** mötte arbetsgivare, och 38 fick sommarjobb."
            ),
            lessons="Börja i god tid före sommaren, och låt de unga själva vara med och planera.",
            links="https://malmo.se/naringsliv.html",
            state=Report.State.PUBLISHED,
            submitted_at=timezone.now(),
            published_at=timezone.now(),
        )
        Outcome.objects.bulk_create(
            Outcome(report=report, label=label, number=number, unit=unit)
            for label, number, unit in DEMO_OUTCOMES
        )


PROJECT_SCALE_PREFIX = "projekt-skala-"


def seed_scale_projects() -> int:
    """A published project page for every bulk initiative brought to life (the same ones every
    run), and a published final report with outcomes for each completed one, for benchmarks."""
    from meetmalmo.initiatives.models import Initiative
    from meetmalmo.publishing.models import Outcome, Report

    cases = list(
        Initiative.objects.brought_to_life()
        .filter(title__startswith="Skalinitiativ ", project__isnull=True)
        .order_by("id")
        .values_list("id", "state", "decided_at")
    )
    now = timezone.now()
    projects = []
    for pk, _state, decided_at in cases:
        topic_sv, topic_en = SCALE_TOPICS[pk % len(SCALE_TOPICS)]
        projects.append(
            Project(
                initiative_id=pk,
                slug=f"{PROJECT_SCALE_PREFIX}{pk}",
                title_sv=f"Skalprojekt {pk}: {topic_sv}",
                title_en=f"Scale project {pk}: {topic_en}",
                lead_sv=f"Näringslivet och staden samarbetar om {topic_sv}.",
                lead_en=f"Business and the City work together on {topic_en}.",
                body_sv=f"Ett projekt om **{topic_sv}** i Malmö, för prestandatester.",
                body_en=f"A project about **{topic_en}** in Malmö, for performance tests.",
                published_at=decided_at or now,
            )
        )
    Project.objects.bulk_create(projects, batch_size=1000)
    completed = [pk for pk, state, _decided in cases if state == "completed"]
    Report.objects.bulk_create(
        [
            Report(
                initiative_id=pk,
                kind=Report.Kind.FINAL,
                summary="Arbetsgruppen nådde sina mål.",
                state=Report.State.PUBLISHED,
                published_at=now,
            )
            for pk in completed
        ],
        batch_size=1000,
    )
    reports = Report.objects.filter(initiative_id__in=completed).values_list("id", flat=True)
    Outcome.objects.bulk_create(
        [
            Outcome(report_id=report, label=label, number=number, unit=unit)
            for report in reports.iterator()
            for label, number, unit in DEMO_OUTCOMES[:2]
        ],
        batch_size=2000,
    )
    return len(projects)
