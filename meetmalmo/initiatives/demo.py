"""Demo initiatives in every state, with case histories made by the real workflow, and bulk
ones for benchmarks. Idempotent: an initiative with the same title is left alone."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from meetmalmo.accounts.models import User
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import CaseEvent, Channel, Initiative, ReplyTemplate
from meetmalmo.initiatives.services import perform_transition, request_information
from meetmalmo.initiatives.workflow import State

# title, summary, language, submitter e-mail, focus area codes, days since submission, path
DEMO = [
    (
        "Sommarjobb i besöksnäringen för unga Malmöbor",
        "Hotell, restauranger och evenemang erbjuder unga sitt första sommarjobb.",
        "sv",
        "hotell@demo.meetmalmo.se",
        ["youth-employment", "tourism-events"],
        120,
        ["submit", "take", "adopt", "form_group", "activate"],
    ),
    (
        "Games industry skills pipeline",
        "Studios, the university and the City train developers for Malmö's gaming industry.",
        "en",
        "spel@demo.meetmalmo.se",
        ["competence-supply", "industry-development"],
        60,
        ["submit", "take", "adopt", "form_group"],
    ),
    (
        "Första jobbet för nyanlända inom logistik",
        "Logistikföretag i hamnen tar emot nyanlända på praktik som leder till anställning.",
        "sv",
        "logistik@demo.meetmalmo.se",
        ["newcomers", "competence-supply"],
        30,
        ["submit", "take", "adopt"],
    ),
    (
        "Service i hamnområdet: kafé och bageri vid färjeterminalen",
        "Ett bageri vill öppna service för resenärer och anställda i Norra hamnen.",
        "sv",
        "bageri@demo.meetmalmo.se",
        ["urban-development", "entrepreneurship"],
        25,
        ["submit", "take"],
    ),
    (
        "Regional career fair for hospitality",
        "A yearly fair where the hospitality industry meets young job seekers.",
        "en",
        "region@demo.meetmalmo.se",
        ["tourism-events", "youth-employment"],
        10,
        ["submit", "take"],
    ),
    (
        "Forskning möter småföretag",
        "Studenter gör examensarbeten åt små företag i Malmö.",
        "sv",
        "universitet@demo.meetmalmo.se",
        ["competence-supply"],
        16,
        ["submit"],
    ),
    (
        "Läxhjälp med företagens volontärer",
        "Anställda på Malmöföretag hjälper elever med läxor en kväll i veckan.",
        "sv",
        "forening@demo.meetmalmo.se",
        ["youth-employment"],
        3,
        ["submit"],
    ),
    (
        "Hej Framtid – unga möter besöksnäringen",
        "En dag i Malmö Live där tusen unga möter yrken inom besöksnäringen.",
        "sv",
        "bransch@demo.meetmalmo.se",
        ["tourism-events", "youth-employment"],
        400,
        ["submit", "take", "adopt", "form_group", "activate", "complete"],
    ),
    (
        "Investment promotion for the harbour district",
        "A joint offer to investors for the old harbour area.",
        "en",
        "logistik@demo.meetmalmo.se",
        ["investment", "urban-development"],
        90,
        ["submit", "take", "decline"],
    ),
    (
        "Ännu en jobbmässa för unga",
        "En jobbmässa för unga inom besöksnäringen.",
        "sv",
        "hotell@demo.meetmalmo.se",
        ["youth-employment"],
        200,
        ["submit", "take", "refer"],
    ),
    (
        "Pop-up-butiker i tomma lokaler",
        "Tomma butikslokaler används av nya företagare under ett år.",
        "sv",
        "bageri@demo.meetmalmo.se",
        ["entrepreneurship"],
        40,
        ["submit", "withdraw"],
    ),
    (
        "Gemensam kompetensbank för e-handel",
        "E-handelsföretag delar utbildningar för lagerpersonal.",
        "sv",
        "logistik@demo.meetmalmo.se",
        ["competence-supply"],
        150,
        ["submit", "take", "adopt", "form_group", "discontinue"],
    ),
    (
        "Idé om ett innovationspris",
        "Ett pris för årets samarbete mellan staden och näringslivet.",
        "sv",
        "spel@demo.meetmalmo.se",
        ["industry-development"],
        0,
        [],
    ),
]

REASONS = {
    "decline": "Stadens investeringsfrämjande arbete täcker redan hamnområdet; vi föreslår att ni "
    "kontaktar Invest in Malmö.",
    "discontinue": "Företagen i gruppen valde att driva frågan inom sin branschorganisation.",
    "refer": "Hej Framtid gör redan detta; vi har kopplat ihop er med arbetsgruppen.",
}


REPLY_TEMPLATES = [
    (
        "adopt",
        "Antas",
        "Meet Malmö antar ert initiativ. Er processledare hör av sig om arbetsgruppen.",
        "Meet Malmö adopts your initiative. "
        "Your process manager will contact you about the working group.",
    ),
    (
        "decline",
        "Finns redan",
        "Liknande arbete pågår redan i staden; vi hjälper er gärna i kontakt med det.",
        "Similar work is already under way in the City; we are happy to put you in touch with it.",
    ),
    (
        "question",
        "Fler partner?",
        "Vilka företag och organisationer vill ni samarbeta med?",
        "Which companies and organisations would you like to work with?",
    ),
]


@transaction.atomic
def seed_initiatives() -> int:
    for kind, name, body_sv, body_en in REPLY_TEMPLATES:
        ReplyTemplate.objects.get_or_create(
            kind=kind, name=name, defaults={"body_sv": body_sv, "body_en": body_en}
        )
    managers = list(User.objects.filter(is_process_manager=True).order_by("email"))
    areas = {area.code: area for area in FocusArea.objects.all()}
    earlier = None
    created = 0
    # Oldest first, so that a referral can point at an earlier initiative.
    for title, summary, language, email, codes, days_ago, path in sorted(
        DEMO, key=lambda row: -row[5]
    ):
        if Initiative.objects.filter(title=title).exists():
            earlier = Initiative.objects.get(title=title)
            continue
        submitter = User.objects.get(email=email)
        initiative = Initiative.objects.create(
            title=title,
            summary=summary,
            description=summary,
            challenge=summary,
            benefit_city=summary,
            benefit_business=summary,
            language=language,
            submitter=submitter,
            organisation=submitter.organisation,
            criterion_strategic=True,
            criterion_cooperation=True,
            criterion_social=True,
        )
        initiative.focus_areas.set([areas[c] for c in codes])
        manager = managers[created % len(managers)]
        for name in path:
            actor = submitter if name in ("submit", "withdraw") else manager
            extra = {}
            if name == "refer":
                extra = {"referred_to": earlier, "reason": REASONS["refer"]}
            elif name in ("decline", "discontinue"):
                extra = {"reason": REASONS[name]}
            perform_transition(initiative=initiative, name=name, actor=actor, **extra)
            if name == "take" and days_ago == 25:
                request_information(
                    initiative=initiative, actor=manager, text="Vilka öppettider tänker ni er?"
                )
        _backdate(initiative, days_ago)
        earlier = initiative
        created += 1
    return created


DEMO_DECISION_DAYS = (12, 18, 9, 24, 15, 20, 6, 31)


def _backdate(initiative: Initiative, days_ago: int) -> None:
    """Move a demo case into the past so that clocks, overdue cases and figures look real."""
    if initiative.submitted_at is None:
        return
    shift = timedelta(days=days_ago)
    fields = {"submitted_at": initiative.submitted_at - shift}
    fields["decision_due"] = fields["submitted_at"] + timedelta(days=21)
    if initiative.decided_at:
        # Most answers within the promised three weeks, some late, as in real life.
        took = DEMO_DECISION_DAYS[initiative.pk % len(DEMO_DECISION_DAYS)]
        fields["decided_at"] = fields["submitted_at"] + timedelta(days=min(days_ago, took))
    Initiative.objects.filter(pk=initiative.pk).update(**fields, created_at=fields["submitted_at"])
    # The case history is append-only for the portal; seeding moves its dates once, through
    # the plain base manager, so that the demo history matches the backdated case.
    for event in initiative.events.all():
        CaseEvent._base_manager.filter(pk=event.pk).update(created_at=event.created_at - shift)


# Most initiatives come through the portal; the office records the others.
SCALE_CHANNELS = (Channel.PORTAL,) * 5 + (
    Channel.MEETING,
    Channel.MEETING,
    Channel.EMAIL,
    Channel.PHONE,
)


def seed_scale(count: int) -> int:
    """Bulk-insert `count` extra initiatives in a spread of states, each with its submission
    in the case history, for benchmarks."""
    existing = Initiative.objects.filter(title__startswith="Skalinitiativ ").count()
    if existing >= count:
        return 0
    members = list(
        User.objects.filter(organisation__isnull=False).values_list("id", "organisation_id")
    )
    managers = list(User.objects.filter(is_process_manager=True).values_list("id", flat=True))
    areas = list(FocusArea.objects.values_list("id", flat=True))
    rng = random.Random(2015)
    states = [
        State.SUBMITTED,
        State.IN_REVIEW,
        State.ADOPTED,
        State.ACTIVE,
        State.DECLINED,
        State.COMPLETED,
    ]
    now = timezone.now()
    new = []
    for i in range(existing, count):
        submitter_id, organisation_id = members[i % len(members)]
        submitted_at = now - timedelta(days=rng.randint(0, 900), hours=rng.randint(0, 23))
        state = states[i % len(states)]
        decided = state not in (State.SUBMITTED, State.IN_REVIEW)
        new.append(
            Initiative(
                title=f"Skalinitiativ {i + 1}: samarbete om kompetens och jobb",
                summary="Ett initiativ för benchmark av portalen.",
                description="Företag och staden samarbetar om kompetensförsörjning i Malmö.",
                challenge="Kompetensbrist.",
                benefit_city="Fler i arbete.",
                benefit_business="Rätt kompetens.",
                submitter_id=submitter_id,
                organisation_id=organisation_id,
                assigned_to_id=managers[i % len(managers)] if state != State.SUBMITTED else None,
                state=state,
                channel=SCALE_CHANNELS[i % len(SCALE_CHANNELS)],
                submitted_at=submitted_at,
                decision_due=submitted_at + timedelta(days=21),
                decided_at=submitted_at + timedelta(days=rng.randint(5, 30)) if decided else None,
            )
        )
    Initiative.objects.bulk_create(new, batch_size=1000)
    created = Initiative.objects.filter(title__startswith="Skalinitiativ ").order_by("id")[
        existing:
    ]
    Through = Initiative.focus_areas.through
    events, links = [], []
    for index, initiative in enumerate(created.only("id", "submitter_id", "state")):
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
