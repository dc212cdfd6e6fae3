"""Demo working groups for the demo initiatives that have one, with members from the pool of
resources, City coordinators, invitations in every state, milestones, updates, links and a
handover of ownership; and bulk groups for benchmarks. Idempotent: a group that already has
milestones or updates is left alone."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.core.demo import DEMO_PASSWORD, _ensure_user
from meetmalmo.core.models import Sphere
from meetmalmo.groups import services
from meetmalmo.groups.models import (
    Invitation,
    Link,
    Membership,
    Milestone,
    Role,
    Update,
    WorkingGroup,
)
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.workflow import State
from meetmalmo.resources.demo import demo_email
from meetmalmo.resources.models import ResourceProfile

GROUP_STATES = [State.GROUP_FORMING, State.ACTIVE, State.COMPLETED, State.DISCONTINUED]

# The City's coordinators: e-mail (before @), name, organisation name. Not process managers.
COORDINATORS = [
    ("henrik.sjoberg", "Henrik Sjöberg", "Malmö stad, Arbetsmarknads- och socialförvaltningen"),
    ("nadia.rahimi", "Nadia Rahimi", "Malmö stad, Fritidsförvaltningen"),
]

SUBMITTER = "submitter"
SUPPORT = "support"  # the process manager who formed the group

# Per demo initiative (by title). People are named by the part of their demo e-mail address
# before the @, or SUBMITTER / SUPPORT. Days are before today (negative: after today).
GROUPS = {
    "Sommarjobb i besöksnäringen för unga Malmöbor": {
        "coordinator": "henrik.sjoberg",
        "message": "Hej! Vi samlar hotell, restauranger och staden kring sommarjobb för unga. "
        "Din erfarenhet skulle betyda mycket för gruppen – välkommen in!",
        "accepted": ["anna.bergstrom", "mikael.svensson", "elin.ahmadi", "tobias.frick"],
        "pending": ["hanna.persson"],
        "declined": [
            ("yusuf.demir", "Tack för förfrågan! Jag är fullbokad med rekryteringar till augusti.")
        ],
        "expired": [],
        "milestones": [
            ("Kick-off med hotell och restauranger på Malmö Live", 75, True),
            ("Matchningsdag för 16–19-åringar på Arena 305", 20, True),
            ("De första sommarjobbarna börjar", -25, False),
            ("Utvärdering med företagen och Arbetsmarknads- och socialförvaltningen", -110, False),
        ],
        "updates": [
            (
                SUPPORT,
                70,
                "Första mötet hölls på Malmö Live; **12 företag** anmälde intresse.\n\n"
                "Nästa steg: varje företag berättar hur många sommarjobb de kan erbjuda och "
                "under vilka veckor. Svara gärna inom två veckor.",
            ),
            (
                SUBMITTER,
                18,
                "Matchningsdagen på Arena 305 blev en succé:\n\n"
                "- **214** unga kom\n"
                "- **38** fick erbjudande om sommarjobb på plats\n"
                "- 9 hotell och 14 restauranger var med\n\n"
                "Stort tack till Elin och Unga Möjligheter för förberedelserna!",
            ),
            (
                "mikael.svensson",
                4,
                "Från och med nu tar **Hotell Kockums Brygga** över ägarskapet för satsningen. "
                "Vi behåller upplägget och bjuder in fler hotell i Hyllie och Västra Hamnen "
                "till nästa säsong.",
            ),
        ],
        "links": [
            ("Malmö stad: sommarjobb och feriearbete", "https://malmo.se"),
            ("Malmö Live – lokal för kick-off", "https://www.malmolive.se"),
        ],
        "handover": (
            "mikael.svensson",
            10,
            "Hotellet driver sommarjobbssatsningen vidare i egen regi; staden är kvar som "
            "samordnare.",
        ),
    },
    "Games industry skills pipeline": {
        "coordinator": "nadia.rahimi",
        "message": "Hi! We are forming a group of studios, Malmö University and the City to "
        "train the developers Malmö's games industry needs. Would you join us?",
        "accepted": ["johan.lund", "karin.nystrom"],
        "pending": ["dragan.petrovic", "sofie.nguyen"],
        "declined": [("emma.wallin", "Sorry, we are in crunch until the release in June.")],
        "expired": [],
        "milestones": [
            ("Map the studios' skill needs", 10, True),
            ("First working group meeting at the university", -12, False),
            ("Draft course outline with Malmö University", -45, False),
        ],
        "updates": [
            (
                SUBMITTER,
                9,
                "We surveyed **11 studios** in Malmö: the biggest gaps are *technical artists* "
                "and *QA engineers*. The summary is in the shared folder.",
            ),
            (
                "karin.nystrom",
                3,
                "Malmö University can host a pilot module in the autumn term. Proposed outline:"
                "\n\n1. Unity and Unreal basics\n2. QA and test automation\n"
                "3. An eight-week internship at a studio",
            ),
        ],
        "links": [("Malmö University – game development", "https://mau.se")],
        "handover": None,
    },
    "Hej Framtid – unga möter besöksnäringen": {
        "coordinator": "henrik.sjoberg",
        "message": "Hej! Vill du vara med och göra Hej Framtid till en dag där tusen unga möter "
        "besöksnäringens yrken?",
        "accepted": ["hanna.persson", "david.cohen", "peter.wikstrom"],
        "pending": [],
        "declined": [],
        "expired": ["nora.alsayed"],
        "milestones": [
            ("Boka Malmö Live och utställarytor", 330, True),
            ("40 utställare anmälda", 300, True),
            ("Hej Framtid-dagen genomförd", 280, True),
            ("Slutrapport till Meet Malmö", 250, True),
        ],
        "updates": [
            (
                SUBMITTER,
                320,
                "Malmö Live är bokat för Hej Framtid-dagen. Vi söker **utställare** från hotell, "
                "restauranger, evenemang och resebranschen.",
            ),
            (
                "hanna.persson",
                279,
                "Över **1 100 unga** besökte Hej Framtid! 42 företag ställde ut och "
                "160 intervjuer bokades på plats.",
            ),
            (
                SUPPORT,
                252,
                "Slutrapporten är klar. Arbetsgruppen avslutas här; nästa års upplaga drivs av "
                "Besöksnäringens branschråd Syd. Tack alla!",
            ),
        ],
        "links": [
            ("Malmö Live", "https://www.malmolive.se"),
            ("Visit Malmö – besöksnäringen i siffror", "https://www.visitmalmo.se"),
        ],
        "handover": None,
    },
    # Business and the City only: the workspace warns about too few spheres.
    "Gemensam kompetensbank för e-handel": {
        "coordinator": "henrik.sjoberg",
        "message": "Hej! Vi vill bygga en gemensam kompetensbank för lagerpersonal i e-handeln. "
        "Vill du vara med?",
        "accepted": ["maryam.rostami", "oscar.lindgren", "ahmed.farah"],
        "pending": [],
        "declined": [
            ("ida.sandberg", "Tyvärr har jag inte tid i vår, men hör gärna av er i höst.")
        ],
        "expired": ["katarzyna.nowak"],
        "milestones": [
            ("Inventera utbildningsbehov hos lagerpersonalen", 120, True),
            ("Pilotutbildning i truck och lagersystem", 60, False),
        ],
        "updates": [
            (
                SUBMITTER,
                110,
                "Tre e-handlare och två lagerföretag har kartlagt sina behov. Gemensamt för "
                "alla: **truckkort**, lagersystem och arbetsmiljö.",
            ),
            (
                SUPPORT,
                35,
                "Företagen har valt att driva kompetensbanken inom sin branschorganisation. Vi "
                "avslutar arbetsgruppen här – tack till alla som deltog!",
            ),
        ],
        "links": [
            ("Arbetsförmedlingen: yrken inom lager och logistik", "https://arbetsformedlingen.se")
        ],
        "handover": None,
    },
}


def _coordinators() -> dict[str, User]:
    """The City's coordinators, created with their organisations when missing."""
    password_hash = None
    found = {}
    for local, name, organisation_name in COORDINATORS:
        email = demo_email(local)
        user = User.objects.filter(email=email).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            organisation, _created = Organisation.objects.get_or_create(
                name=organisation_name, defaults={"sphere": Sphere.CITY}
            )
            user, _new = _ensure_user(email, name, organisation, password_hash)
        found[local] = user
    return found


def _ensure_group(initiative: Initiative, managers: list[User]) -> WorkingGroup:
    """The initiative's group, opened as the workflow opens it if it has none."""
    group = WorkingGroup.objects.filter(initiative=initiative).first()
    if group is not None:
        return group
    event = initiative.events.filter(transition="form_group").order_by("created_at").first()
    if event is not None:
        return services.group_open(initiative, event)
    group = WorkingGroup.objects.create(initiative=initiative)
    Membership.objects.create(group=group, user=initiative.submitter, role=Role.OWNER)
    manager = initiative.assigned_to or managers[0]
    if manager.pk != initiative.submitter_id:
        Membership.objects.create(group=group, user=manager, role=Role.PROCESS_SUPPORT)
    return group


def _support(group: WorkingGroup, managers: list[User]) -> User:
    membership = group.memberships.filter(role=Role.PROCESS_SUPPORT).select_related("user")
    first = membership.first()
    return first.user if first else group.initiative.assigned_to or managers[0]


def _invite(group, invitee, inviter, *, role, state, days_ago, message, answer="") -> None:
    """An invitation as it looks after `days_ago` days in `state`, with its membership when
    accepted."""
    sent = timezone.now() - timedelta(days=days_ago, hours=3)
    invitation = Invitation.objects.create(
        group=group,
        invitee=invitee,
        role=role,
        message=message,
        invited_by=inviter,
        state=state,
        expires_at=sent + timedelta(days=14),
        answered_at=(
            sent + timedelta(days=2)
            if state in (Invitation.State.ACCEPTED, Invitation.State.DECLINED)
            else None
        ),
        answer=answer,
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=sent)
    if state == Invitation.State.ACCEPTED:
        Membership.objects.get_or_create(group=group, user=invitee, defaults={"role": role})


def _resources_of(spec: dict) -> list[str]:
    declined = [local for local, _answer in spec["declined"]]
    return [*spec["accepted"], *spec["pending"], *declined, *spec["expired"]]


def _fill(group: WorkingGroup, spec: dict, people: dict[str, User], support: User) -> None:
    initiative = group.initiative
    people = {**people, SUBMITTER: initiative.submitter, SUPPORT: support}
    # The group's age: the first invitations go out soon after the group started forming.
    started = max(days for _title, days, _done in spec["milestones"])
    message = spec["message"]
    _invite(
        group,
        people[spec["coordinator"]],
        support,
        role=Role.COORDINATOR,
        state=Invitation.State.ACCEPTED,
        days_ago=started,
        message=message,
    )
    for n, local in enumerate(spec["accepted"]):
        _invite(
            group,
            people[local],
            support,
            role=Role.MEMBER,
            state=Invitation.State.ACCEPTED,
            days_ago=max(started - n, 3),
            message=message,
        )
    for local in spec["pending"]:
        _invite(
            group,
            people[local],
            support,
            role=Role.MEMBER,
            state=Invitation.State.PENDING,
            days_ago=2,
            message=message,
        )
    for local, answer in spec["declined"]:
        _invite(
            group,
            people[local],
            support,
            role=Role.MEMBER,
            state=Invitation.State.DECLINED,
            days_ago=max(started - 2, 4),
            message=message,
            answer=answer,
        )
    for local in spec["expired"]:
        _invite(
            group,
            people[local],
            support,
            role=Role.MEMBER,
            state=Invitation.State.EXPIRED,
            days_ago=max(started, 20),
            message=message,
        )
    today = timezone.localdate()
    for title, days_ago, done in spec["milestones"]:
        Milestone.objects.create(
            group=group, title=title, due=today - timedelta(days=days_ago), done=done
        )
    for title, url in spec["links"]:
        Link.objects.create(group=group, title=title, url=url)
    if spec["handover"]:
        local, days_ago, note = spec["handover"]
        person = people[local]
        handover = services.handover_record(
            group=group,
            actor=support,
            organisation=person.organisation,
            person=person,
            date=today - timedelta(days=days_ago),
            note=note,
        )
        services.handover_accept(handover=handover, user=person)
    for author, days_ago, body in spec["updates"]:
        update = Update.objects.create(group=group, author=people[author], body=body)
        Update.objects.filter(pk=update.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago, hours=len(body) % 7)
        )


@transaction.atomic
def seed_groups() -> int:
    """Give the demo initiatives that have come as far as a working group their group and its
    content; returns how many groups were set up (created or filled)."""
    managers = list(User.objects.filter(is_process_manager=True).order_by("email"))
    wanted = {
        initiative.title: initiative
        for initiative in Initiative.objects.filter(
            title__in=GROUPS.keys(), state__in=GROUP_STATES
        ).select_related("submitter", "assigned_to")
    }
    if not wanted or not managers:
        return 0
    locals_ = {local for spec in GROUPS.values() for local in _resources_of(spec)}
    resources = {
        profile.user.email.split("@")[0]: profile.user
        for profile in ResourceProfile.objects.filter(
            user__email__in=[demo_email(local) for local in locals_]
        ).select_related("user__organisation")
    }
    if len(resources) < len(locals_):
        return 0  # the demo resources come first: seed_resources()
    seeded = 0
    coordinators = None
    for title, spec in GROUPS.items():
        initiative = wanted.get(title)
        if initiative is None:
            continue
        group = _ensure_group(initiative, managers)
        if group.milestones.exists() or group.updates.exists():
            continue
        coordinators = coordinators or _coordinators()
        _fill(group, spec, {**resources, **coordinators}, _support(group, managers))
        seeded += 1
    return seeded


@transaction.atomic
def seed_scale(count: int) -> int:
    """Bulk-insert groups for up to `count` bulk initiatives that have come as far as a
    working group (the same ones every run): the submitter owns it, the process manager gives
    process support and a resource from the pool is a member. Returns the groups created."""
    scale = Initiative.objects.filter(title__startswith="Skalinitiativ ", state__in=GROUP_STATES)
    existing = WorkingGroup.objects.filter(initiative__in=scale).count()
    if count <= existing:
        return 0
    cases = list(
        scale.filter(group__isnull=True)
        .order_by("id")
        .values_list("id", "submitter_id", "assigned_to_id")[: count - existing]
    )
    if not cases:
        return 0
    WorkingGroup.objects.bulk_create(
        [WorkingGroup(initiative_id=pk) for pk, _s, _a in cases], batch_size=1000
    )
    new = {pk for pk, _s, _a in cases}
    groups = {
        initiative_id: pk
        for initiative_id, pk in WorkingGroup.objects.filter(initiative__in=scale).values_list(
            "initiative_id", "id"
        )
        if initiative_id in new
    }
    pool = list(
        ResourceProfile.objects.available().order_by("id").values_list("user_id", flat=True)
    )
    memberships = []
    for n, (pk, submitter_id, assigned_to_id) in enumerate(cases):
        group_id = groups[pk]
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
