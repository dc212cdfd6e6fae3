"""Bulk content for benchmarks (`seed_demo --scale N`): N initiatives in a spread of states, N
members, N/2 resources, a working group for each bulk initiative that has come that far, a
published project page for each one brought to life (with a report when completed), N/2 efforts
and N/4 news articles. Written with bulk inserts, because the services would take an hour for
what this does in a minute; the same records every run, so running it again adds nothing."""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.events.models import Event, Registration
from meetmalmo.groups.models import Membership, Role, WorkingGroup
from meetmalmo.initiatives.models import CaseEvent, Channel, Initiative
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.models import Effort
from meetmalmo.publishing.models import Comment, NewsArticle, Outcome, Project, Report
from meetmalmo.resources.models import Competence, ResourceProfile, SpokenLanguage
from meetmalmo.site.demo.loader import DEMO_PASSWORD, GROUP_STATES, Counts

MEMBER_DOMAIN = "scale.meetmalmo.se"
# Not "@scale.meetmalmo.se": those addresses are the bulk members.
RESOURCE_DOMAIN = "pool.scale.meetmalmo.se"
INITIATIVE_PREFIX = "Skalinitiativ "
EFFORT_OWNER = "Skalorganisation"
NEWS_PREFIX = "nyhet-skala-"
PROJECT_PREFIX = "projekt-skala-"
OFFICE = "Näringslivskontoret"

FIRST_NAMES = ["Anna", "Ali", "Emma", "Hugo", "Leila", "Oskar", "Sofia", "Mohammed", "Elin"]
FIRST_NAMES += ["Viktor"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson"]
LAST_NAMES += ["Persson", "Svensson", "Gustafsson"]

# Profiles the bulk resources are made from: title, SNI section, competences, focus areas,
# languages.
RESOURCE_PROFILES = [
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

# Most initiatives come through the portal; the office records the others.
CHANNELS = (Channel.PORTAL,) * 5 + (Channel.MEETING, Channel.MEETING, Channel.EMAIL, Channel.PHONE)
INITIATIVE_STATES = [
    State.SUBMITTED,
    State.IN_REVIEW,
    State.ADOPTED,
    State.ACTIVE,
    State.DECLINED,
    State.COMPLETED,
]
EFFORT_TOPICS = [
    ("kompetensförsörjning i vården", "competence-supply"),
    ("sommarjobb för unga", "youth-employment"),
    ("nyanländas första jobb", "newcomers"),
    ("besöksnäringens evenemang", "tourism-events"),
    ("investeringar i hamnen", "investment"),
    ("start av nya företag", "entrepreneurship"),
]
NEWS_TOPICS = [
    ("sommarjobb för unga", "summer jobs for young people"),
    ("kompetensförsörjning i spelbranschen", "skills for the games industry"),
    ("nyanländas första jobb", "newcomers' first jobs"),
    ("besöksnäringens evenemang", "events in hospitality"),
    ("nya företag i stadsdelarna", "new businesses in the neighbourhoods"),
]
OUTCOMES = [("unga som nåddes", 1000, "personer"), ("sommarjobb", 38, "jobb")]


def load(count: int, organisations: list[Organisation]) -> Counts:
    """Bulk content around `count` initiatives, the members spread over `organisations`."""
    if count <= 0:
        return Counts()
    with transaction.atomic():
        password = make_password(DEMO_PASSWORD)
        counts = Counts(
            people_created=members(count, organisations, password),
            resources=resources(count // 2, organisations, password),
            initiatives=initiatives(count),
        )
        # Groups come after the initiatives and the resources they are made of.
        counts.groups = groups(count)
        counts.efforts = efforts(count // 2)
        counts.news = news(count // 4)
        counts.projects = projects()
        counts.events = meetings(count // 4)
    return counts


def _name(i: int, step: int = 1, shift: int = 0) -> str:
    first = FIRST_NAMES[(i * step) % len(FIRST_NAMES)]
    return f"{first} {LAST_NAMES[(i // len(FIRST_NAMES) + shift * i) % len(LAST_NAMES)]}"


def _new_users(wanted: dict[str, int], domain: str, organisations, password, **name):
    """Insert the wanted addresses that are missing, verified; returns every wanted address's
    user id, and how many were inserted."""
    users = User.objects.filter(email__endswith=f"@{domain}")
    existing = set(users.values_list("email", flat=True))
    new = [
        User(
            email=email,
            name=_name(i, **name),
            organisation=organisations[i % len(organisations)],
            password=password,
        )
        for email, i in wanted.items()
        if email not in existing
    ]
    User.objects.bulk_create(new, batch_size=1000)
    ids = {email: pk for email, pk in users.values_list("email", "id") if email in wanted}
    created = {user.email for user in new}
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email, verified=True, primary=True)
            for email, pk in ids.items()
            if email in created
        ],
        batch_size=1000,
    )
    return ids, len(new)


def members(count: int, organisations, password) -> int:
    wanted = {f"member{i + 1}@{MEMBER_DOMAIN}": i for i in range(count)}
    return _new_users(wanted, MEMBER_DOMAIN, organisations, password)[1]


def resources(count: int, organisations, password) -> int:
    """Up to `count` bulk resources from the business organisations, with their tags."""
    if count <= 0:
        return 0
    wanted = {f"resurs{i}@{RESOURCE_DOMAIN}": i for i in range(1, count + 1)}
    with_profile = set(
        ResourceProfile.objects.filter(user__email__endswith=f"@{RESOURCE_DOMAIN}").values_list(
            "user__email", flat=True
        )
    )
    if wanted.keys() <= with_profile:
        return 0
    businesses = [o for o in organisations if o.sphere == Sphere.BUSINESS]
    users, _created = _new_users(wanted, RESOURCE_DOMAIN, businesses, password, step=3, shift=1)
    now = timezone.now()
    todo = {email: i for email, i in wanted.items() if email not in with_profile}
    ResourceProfile.objects.bulk_create(
        [
            ResourceProfile(
                user_id=users[email],
                title=RESOURCE_PROFILES[i % len(RESOURCE_PROFILES)][0],
                industry=RESOURCE_PROFILES[i % len(RESOURCE_PROFILES)][1],
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
    tags = {}  # a handful of names, each looked up once, whatever its case
    for profile in RESOURCE_PROFILES:
        for tag in profile[2]:
            found = Competence.objects.filter(name__iexact=tag).first()
            tags[tag] = (found or Competence.objects.create(name=tag)).pk
    areas = dict(FocusArea.objects.values_list("code", "id"))
    languages = dict(SpokenLanguage.objects.values_list("code", "id"))
    Competences = ResourceProfile.competences.through
    Areas = ResourceProfile.focus_areas.through
    Languages = ResourceProfile.languages.through
    competence_rows, area_rows, language_rows = [], [], []
    profiles = ResourceProfile.objects.filter(user__email__endswith=f"@{RESOURCE_DOMAIN}")
    for pk, email in profiles.values_list("id", "user__email"):
        i = todo.get(email)
        if i is None:
            continue
        _title, _industry, names, codes, langs = RESOURCE_PROFILES[i % len(RESOURCE_PROFILES)]
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


def initiatives(count: int) -> int:
    """`count` initiatives in a spread of states, each with its submission in the case
    history."""
    bulk = Initiative.objects.filter(title__startswith=INITIATIVE_PREFIX)
    existing = bulk.count()
    if existing >= count:
        return 0
    members = list(
        User.objects.filter(organisation__isnull=False).values_list("id", "organisation_id")
    )
    managers = list(User.objects.filter(is_process_manager=True).values_list("id", flat=True))
    areas = list(FocusArea.objects.values_list("id", flat=True))
    rng = random.Random(2015)
    now = timezone.now()
    new = []
    for i in range(existing, count):
        submitter_id, organisation_id = members[i % len(members)]
        submitted_at = now - timedelta(days=rng.randint(0, 900), hours=rng.randint(0, 23))
        state = INITIATIVE_STATES[i % len(INITIATIVE_STATES)]
        decided = state not in (State.SUBMITTED, State.IN_REVIEW)
        new.append(
            Initiative(
                title=f"{INITIATIVE_PREFIX}{i + 1}: samarbete om kompetens och jobb",
                summary="Ett initiativ för benchmark av portalen.",
                description="Företag och staden samarbetar om kompetensförsörjning i Malmö.",
                challenge="Kompetensbrist.",
                benefit_city="Fler i arbete.",
                benefit_business="Rätt kompetens.",
                submitter_id=submitter_id,
                organisation_id=organisation_id,
                assigned_to_id=managers[i % len(managers)] if state != State.SUBMITTED else None,
                state=state,
                channel=CHANNELS[i % len(CHANNELS)],
                submitted_at=submitted_at,
                decision_due=submitted_at + timedelta(days=21),
                decided_at=submitted_at + timedelta(days=rng.randint(5, 30)) if decided else None,
            )
        )
    Initiative.objects.bulk_create(new, batch_size=1000)
    Through = Initiative.focus_areas.through
    events, links = [], []
    created = bulk.order_by("id")[existing:].only("id", "submitter_id", "state")
    for index, initiative in enumerate(created):
        links.append(Through(initiative_id=initiative.id, focusarea_id=areas[index % len(areas)]))
        events.append(
            CaseEvent(
                initiative_id=initiative.id,
                kind=CaseEvent.Kind.TRANSITION,
                actor_id=initiative.submitter_id,
                from_state=State.DRAFT,
                to_state=State.SUBMITTED,
                transition="submit",
            )
        )
    Through.objects.bulk_create(links, batch_size=2000)
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    return len(new)


def groups(count: int) -> int:
    """Groups for up to `count` bulk initiatives that have come as far as a working group: the
    submitter owns it, the process manager gives process support and a resource from the pool
    is a member."""
    bulk = Initiative.objects.filter(title__startswith=INITIATIVE_PREFIX, state__in=GROUP_STATES)
    existing = WorkingGroup.objects.filter(initiative__in=bulk).count()
    if count <= existing:
        return 0
    cases = list(
        bulk.filter(group__isnull=True)
        .order_by("id")
        .values_list("id", "submitter_id", "assigned_to_id")[: count - existing]
    )
    if not cases:
        return 0
    WorkingGroup.objects.bulk_create(
        [WorkingGroup(initiative_id=pk) for pk, _s, _a in cases], batch_size=1000
    )
    new = {pk for pk, _s, _a in cases}
    group_of = {
        initiative_id: pk
        for initiative_id, pk in WorkingGroup.objects.filter(initiative__in=bulk).values_list(
            "initiative_id", "id"
        )
        if initiative_id in new
    }
    pool = list(
        ResourceProfile.objects.available().order_by("id").values_list("user_id", flat=True)
    )
    memberships = []
    for n, (pk, submitter_id, assigned_to_id) in enumerate(cases):
        group_id = group_of[pk]
        taken = {submitter_id}
        memberships.append(Membership(group_id=group_id, user_id=submitter_id, role=Role.OWNER))
        if assigned_to_id and assigned_to_id not in taken:
            taken.add(assigned_to_id)
            memberships.append(
                Membership(group_id=group_id, user_id=assigned_to_id, role=Role.PROCESS_SUPPORT)
            )
        if pool:
            member = pool[n % len(pool)]
            if member not in taken:
                memberships.append(Membership(group_id=group_id, user_id=member, role=Role.MEMBER))
    Membership.objects.bulk_create(memberships, batch_size=2000)
    return len(cases)


def efforts(count: int) -> int:
    """Up to `count` bulk efforts in the register (indexed when seed_demo rebuilds the index)."""
    bulk = Effort.objects.filter(owner_org=EFFORT_OWNER)
    existing = bulk.count()
    if count <= existing:
        return 0
    areas = {area.code: area.pk for area in FocusArea.objects.all()}
    new = []
    for i in range(existing, count):
        topic, _code = EFFORT_TOPICS[i % len(EFFORT_TOPICS)]
        new.append(
            Effort(
                title=f"Satsning {i + 1} om {topic}",
                description=f"Ett pågående arbete i Malmö om {topic}, nummer {i + 1}.",
                owner_org=EFFORT_OWNER,
                sphere="business" if i % 3 else "city",
                internal=not i % 3,
            )
        )
    Effort.objects.bulk_create(new, batch_size=1000)
    Through = Effort.focus_areas.through
    topics = len(EFFORT_TOPICS)
    Through.objects.bulk_create(
        [
            Through(effort_id=pk, focusarea_id=areas[EFFORT_TOPICS[(existing + n) % topics][1]])
            for n, pk in enumerate(bulk.order_by("id")[existing:].values_list("id", flat=True))
            if EFFORT_TOPICS[(existing + n) % topics][1] in areas
        ],
        batch_size=2000,
    )
    return len(new)


EVENT_PREFIX = "skalmote-"
EVENT_KINDS = ("breakfast", "forum", "workshop", "public", "other")


def meetings(count: int) -> int:
    """Up to `count` published meetings, a tenth upcoming, each with a few seats taken by the
    bulk members and a focus area."""
    existing = Event.objects.filter(slug__startswith=EVENT_PREFIX).count()
    if count <= existing:
        return 0
    organiser = User.objects.filter(is_process_manager=True).order_by("id").first()
    if organiser is None:
        return 0
    now = timezone.now()
    new = []
    for n in range(existing + 1, count + 1):
        days = -(n % 30) if n % 10 == 0 else 5 + (n * 3) % 900
        starts = now - timedelta(days=days, hours=n % 12)
        new.append(
            Event(
                slug=f"{EVENT_PREFIX}{n}",
                title_sv=f"Skalmöte {n}",
                title_en=f"Scale meeting {n}",
                lead_sv="Ett möte för prestandatester.",
                lead_en="A meeting for performance tests.",
                kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                venue="Stadshuset",
                address="August Palms plats 1, Malmö",
                capacity=20 + n % 30,
                organiser=organiser,
                state=Event.State.PUBLISHED,
            )
        )
    Event.objects.bulk_create(new, batch_size=1000)
    made = list(Event.objects.filter(slug__in=[e.slug for e in new]).values_list("id", flat=True))
    areas = list(FocusArea.objects.values_list("id", flat=True))
    through = Event.focus_areas.through
    through.objects.bulk_create(
        [through(event_id=pk, focusarea_id=areas[i % len(areas)]) for i, pk in enumerate(made)],
        batch_size=1000,
    )
    people = list(
        User.objects.filter(email__endswith=f"@{MEMBER_DOMAIN}").values_list("id", "email", "name")[
            :50
        ]
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event_id=pk,
                user_id=person[0],
                email=person[1],
                name=person[2],
                status=Registration.Status.CONFIRMED,
                confirmed_at=now,
            )
            for i, pk in enumerate(made)
            for person in people[i % 10 : i % 10 + 3]
        ],
        batch_size=1000,
    )
    return len(new)


def news(count: int) -> int:
    """Up to `count` published articles, with an approved comment on every 250th."""
    existing = NewsArticle.objects.filter(slug__startswith=NEWS_PREFIX).count()
    if count <= existing:
        return 0
    now = timezone.now()
    new = []
    for n in range(existing + 1, count + 1):
        topic_sv, topic_en = NEWS_TOPICS[n % len(NEWS_TOPICS)]
        new.append(
            NewsArticle(
                slug=f"{NEWS_PREFIX}{n}",
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
    commented = [f"{NEWS_PREFIX}{n}" for n in range(existing + 1, count + 1) if n % 250 == 1]
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


def projects() -> int:
    """A published project page for every bulk initiative brought to life, and a published
    final report with outcomes for each completed one."""
    cases = list(
        Initiative.objects.brought_to_life()
        .filter(title__startswith=INITIATIVE_PREFIX, project__isnull=True)
        .order_by("id")
        .values_list("id", "state", "decided_at")
    )
    now = timezone.now()
    pages = []
    for pk, _state, decided_at in cases:
        topic_sv, topic_en = NEWS_TOPICS[pk % len(NEWS_TOPICS)]
        pages.append(
            Project(
                initiative_id=pk,
                slug=f"{PROJECT_PREFIX}{pk}",
                title_sv=f"Skalprojekt {pk}: {topic_sv}",
                title_en=f"Scale project {pk}: {topic_en}",
                lead_sv=f"Näringslivet och staden samarbetar om {topic_sv}.",
                lead_en=f"Business and the City work together on {topic_en}.",
                body_sv=f"Ett projekt om **{topic_sv}** i Malmö, för prestandatester.",
                body_en=f"A project about **{topic_en}** in Malmö, for performance tests.",
                published_at=decided_at or now,
            )
        )
    Project.objects.bulk_create(pages, batch_size=1000)
    completed = [pk for pk, state, _decided in cases if state == State.COMPLETED]
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
            for label, number, unit in OUTCOMES
        ],
        batch_size=2000,
    )
    return len(pages)
