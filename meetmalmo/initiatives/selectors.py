"""Reads on initiatives: the 21-day clock of each case and how often the promise is kept."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from meetmalmo.accounts.models import User
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import (
    DECISION_DAYS,
    Attachment,
    CaseEvent,
    CaseRead,
    EffortVerdict,
    Initiative,
    InventoryEntry,
    ReplyTemplate,
)
from meetmalmo.initiatives.workflow import OPEN_STATES, State
from meetmalmo.inventory import related
from meetmalmo.inventory.models import Effort, Kind


@dataclass(frozen=True)
class Clock:
    """Whole calendar days left until the decision is due (negative when overdue)."""

    days_left: int | None
    running: bool

    @property
    def overdue(self) -> bool:
        return self.running and self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.overdue else 0


def clock(initiative: Initiative, now: datetime | None = None) -> Clock:
    if initiative.decision_due is None:
        return Clock(days_left=None, running=False)
    if initiative.decided_at is not None or initiative.state not in OPEN_STATES:
        return Clock(days_left=None, running=False)
    today = timezone.localdate(now or timezone.now())
    due = timezone.localdate(initiative.decision_due)
    return Clock(days_left=(due - today).days, running=True)


@dataclass(frozen=True)
class DecisionMeasure:
    decided: int
    within_promise: int
    median_days: float | None

    @property
    def share_within_promise(self) -> float | None:
        return self.within_promise / self.decided if self.decided else None


def decision_measure(
    since: datetime | None = None, until: datetime | None = None
) -> DecisionMeasure:
    """Of the initiatives decided (in the period), how many were decided within 21 days of
    submission, and the median number of days it took. It leaves out the cases still waiting
    past their deadline, so it is not the promise: the figures, the export and the desk read
    `promise`."""
    decided = Initiative.objects.decided().exclude(submitted_at=None)
    if since:
        decided = decided.filter(decided_at__gte=since)
    if until:
        decided = decided.filter(decided_at__lt=until)
    return measure(
        days_to_decision(submitted_at, decided_at)
        for submitted_at, decided_at in decided.values_list("submitted_at", "decided_at")
    )


def days_to_decision(submitted_at: datetime, decided_at: datetime) -> float:
    return (decided_at - submitted_at).total_seconds() / 86_400


def measure(durations) -> DecisionMeasure:
    """Decided within the promise means at most 21 days (to the second) after submission."""
    durations = list(durations)
    return DecisionMeasure(
        decided=len(durations),
        within_promise=sum(1 for days in durations if days <= DECISION_DAYS),
        median_days=round(median(durations), 1) if durations else None,
    )


# The promise, honestly ----------------------------------------------------------------------

PROMISE = timedelta(days=DECISION_DAYS)


class Outcome:
    """What became of the promise for one case."""

    KEPT = "kept"
    MISSED = "missed"
    PENDING = "pending"


@dataclass(frozen=True)
class Promise:
    """How often the promise was kept: decided within 21 days of receipt (kept), or not decided
    by the deadline (missed, counted from the moment it passed). Open cases whose deadline has
    not come yet are pending and counted neither way; so is a case withdrawn before it."""

    kept: int = 0
    missed: int = 0
    pending: int = 0
    median_days: float | None = None
    decided: int = 0

    @property
    def counted(self) -> int:
        return self.kept + self.missed

    @property
    def share_kept(self) -> float | None:
        return self.kept / self.counted if self.counted else None

    @property
    def percent_kept(self) -> int | None:
        share = self.share_kept
        return None if share is None else round(100 * share)


def promise_outcome(
    submitted_at: datetime,
    decided_at: datetime | None,
    withdrawn_at: datetime | None,
    now: datetime,
) -> tuple[str, datetime] | None:
    """The outcome of one case and the moment it became known, or None when it counts neither
    way. Exactly 21 days after receipt is still kept; a second later is missed. A missed case
    counts at its deadline, so a late decision does not move it to another period."""
    deadline = submitted_at + PROMISE
    if decided_at is not None and decided_at <= deadline:
        return Outcome.KEPT, decided_at
    if decided_at is not None or deadline < now:
        if withdrawn_at is not None and withdrawn_at <= deadline:
            return None
        return Outcome.MISSED, deadline
    if withdrawn_at is not None:
        return None
    return Outcome.PENDING, deadline


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def promise_cases(start: date | None = None, end: date | None = None, *, assigned_to=None):
    """One row per case whose promise may fall in the period (both ends included, Malmö time):
    decided in it, or with its deadline in it. One query."""
    cases = Initiative.objects.exclude(submitted_at=None)
    if assigned_to is not None:
        cases = cases.filter(assigned_to=assigned_to)
    decided, due = Q(decided_at__isnull=False), Q()
    if start:
        decided &= Q(decided_at__gte=_midnight(start))
        due &= Q(submitted_at__gte=_midnight(start) - PROMISE)
    if end:
        decided &= Q(decided_at__lt=_midnight(end + timedelta(days=1)))
        due &= Q(submitted_at__lt=_midnight(end + timedelta(days=1)) - PROMISE)
    if start or end:
        cases = cases.filter(decided | due)
    return (
        with_withdrawn_at(cases)
        .values_list("submitted_at", "decided_at", "withdrawn_at")
        .order_by()
    )


def promise_by(
    key: Callable[[datetime], str],
    start: date | None = None,
    end: date | None = None,
    *,
    assigned_to=None,
    now: datetime | None = None,
) -> dict[str, Promise]:
    """The promise per part of the period (a quarter, a month), each case in the part where its
    outcome became known; the median days to decision over the decisions made in that part."""
    now = now or timezone.now()
    low = _midnight(start) if start else None
    high = _midnight(end + timedelta(days=1)) if end else None

    def inside(moment: datetime) -> bool:
        return (low is None or moment >= low) and (high is None or moment < high)

    counts = defaultdict(lambda: {Outcome.KEPT: 0, Outcome.MISSED: 0, Outcome.PENDING: 0})
    durations = defaultdict(list)
    for submitted_at, decided_at, withdrawn_at in promise_cases(
        start, end, assigned_to=assigned_to
    ):
        if decided_at is not None and inside(decided_at):
            durations[key(decided_at)].append(days_to_decision(submitted_at, decided_at))
        found = promise_outcome(submitted_at, decided_at, withdrawn_at, now)
        if found and inside(found[1]):
            counts[key(found[1])][found[0]] += 1
    parts = {}
    for part in sorted(set(counts) | set(durations)):
        took = durations.get(part, [])
        parts[part] = Promise(
            kept=counts[part][Outcome.KEPT],
            missed=counts[part][Outcome.MISSED],
            pending=counts[part][Outcome.PENDING],
            median_days=round(median(took), 1) if took else None,
            decided=len(took),
        )
    return parts


def promise(
    start: date | None = None,
    end: date | None = None,
    *,
    assigned_to=None,
    now: datetime | None = None,
) -> Promise:
    """The promise over one period: the measure the desk, the office's figures, the export and
    the public figures all show."""
    return promise_by(lambda moment: "", start, end, assigned_to=assigned_to, now=now).get(
        "", Promise()
    )


def _withdrawals():
    return CaseEvent.objects.filter(
        initiative=OuterRef("pk"), kind=CaseEvent.Kind.TRANSITION, to_state=State.WITHDRAWN
    ).order_by("created_at")


def with_withdrawn_at(cases):
    """Cases with the moment each was withdrawn (None for the others), in the same query."""
    return cases.annotate(withdrawn_at=Subquery(_withdrawals().values("created_at")[:1]))


def case_promise(initiative: Initiative, now: datetime | None = None) -> str | None:
    """Kept, missed or pending for one case, as the case page, the decided tab and the export
    show it; None for a draft or a case withdrawn before its deadline. Cases read through
    `with_withdrawn_at` need no further query."""
    if initiative.submitted_at is None:
        return None
    if hasattr(initiative, "withdrawn_at"):
        withdrawn_at = initiative.withdrawn_at
    elif initiative.state == State.WITHDRAWN:
        withdrawn_at = (
            initiative.events.filter(kind=CaseEvent.Kind.TRANSITION, to_state=State.WITHDRAWN)
            .values_list("created_at", flat=True)
            .first()
        )
    else:
        withdrawn_at = None
    found = promise_outcome(
        initiative.submitted_at, initiative.decided_at, withdrawn_at, now or timezone.now()
    )
    return found[0] if found else None


def decision_days(initiative: Initiative) -> float | None:
    """Days from receipt to decision, to one decimal; None while undecided."""
    if initiative.submitted_at is None or initiative.decided_at is None:
        return None
    return round(days_to_decision(initiative.submitted_at, initiative.decided_at), 1)


def member_initiatives(user):
    """A member's own initiatives, newest first, with what their page shows."""
    return (
        Initiative.objects.of_submitter(user).select_related("organisation").order_by("-created_at")
    )


def member_initiative(user, pk: int) -> Initiative | None:
    """One of the member's own initiatives; someone else's id finds nothing, never their case."""
    found = member_initiatives(user).prefetch_related("focus_areas", "attachments")
    return found.filter(pk=pk).first()


def public_history(initiative: Initiative):
    """The case history the submitter may read: no internal notes or assignments."""
    return (
        initiative.events.public()
        .exclude(kind="assignment")
        .select_related("actor")
        .prefetch_related("attachments")
    )


QUEUE_TABS = ("new", "mine", "open", "decided")


# Beside the indexed texts, a search reads who sent the case: a part of the submitter's name
# (the surname) or of their organisation's name, as written, and their e-mail address.
SUBMITTER_FIELDS = ["title", "summary", "organisation__name", "submitter__name"]


def _is_address(word: str) -> bool:
    # A lone `@` or `a@` would match every address: an address needs some of its own letters.
    return "@" in word and len(word.replace("@", "")) >= 3


def queue_search(q: str) -> Q:
    """The queue's search: every word must match, either the case's texts through the
    related-work index (a word in any of its Swedish or English forms) or the submitter's
    name or organisation. A word holding `@` is read as (part of) an e-mail address."""
    words = q[:1_000].split()[:10]
    condition = Q()
    for address in filter(_is_address, words):
        condition &= Q(submitter__email__icontains=address[:254])
    rest = " ".join(word for word in words if not _is_address(word))
    if rest or not condition:
        condition &= related.text_filter(rest, Kind.INITIATIVE, SUBMITTER_FIELDS)
    return condition


def queue(
    user,
    *,
    tab: str = "new",
    q: str = "",
    focus_area=None,
    state: str = "",
    channel: str = "",
    overdue: bool = False,
    now: datetime | None = None,
):
    """The staff queue: one tab, filtered, most urgent first. A fixed number of queries
    whatever the number of cases (focus areas come in one prefetch)."""

    now = now or timezone.now()
    # Every tab holds sent cases only (a draft is neither open nor decided), so the tab's own
    # condition is the whole filter and its index serves both the count and the page.
    cases = Initiative.objects.all()
    if tab == "new":
        cases = cases.open().filter(assigned_to=None)
    elif tab == "mine":
        cases = cases.open().filter(assigned_to=user)
    elif tab == "open":
        cases = cases.open()
    else:
        cases = cases.decided()
    if q:
        cases = cases.filter(queue_search(q))
    if focus_area:
        # A condition on the case, not a join that repeats it: no DISTINCT, so a page is read
        # in order through an index.
        cases = cases.filter(
            Exists(
                Initiative.focus_areas.through.objects.filter(
                    initiative=OuterRef("pk"), focusarea=focus_area
                )
            )
        )
    if state:
        cases = cases.filter(state=state)
    if channel:
        cases = cases.filter(channel=channel)
    if overdue:
        cases = cases.open().filter(decision_due__lt=now)
    order = ["-decided_at", "-id"] if tab == "decided" else ["decision_due", "id"]
    return (
        cases.select_related("organisation", "assigned_to")
        .prefetch_related("focus_areas")
        .order_by(*order)
    )


def staff_case(pk: int) -> Initiative | None:
    """A case for the staff pages. A draft is not a case until its writer sends it: like the
    queue, the staff pages neither show it nor act on it (nothing is found)."""
    return (
        Initiative.objects.exclude(state=State.DRAFT)
        .select_related(
            "submitter",
            "organisation",
            "assigned_to",
            "recorded_by",
            "referred_to",
            "referred_to_effort",
            "group",
            "project",
        )
        .prefetch_related("focus_areas", "attachments")
        .filter(pk=pk)
        .first()
    )


def case_history(initiative: Initiative):
    """The whole history for staff, internal notes included."""
    return initiative.events.select_related("actor", "assigned_to").prefetch_related("attachments")


def inventory_entry(case_pk: int, entry_pk: int) -> InventoryEntry | None:
    """One entry of a case's inventory, found only under its own case."""
    return (
        InventoryEntry.objects.select_related("initiative", "effort", "related_initiative")
        .filter(pk=entry_pk, initiative_id=case_pk)
        .first()
    )


def case_inventory(initiative) -> list[InventoryEntry]:
    """What staff have linked to a case or dismissed, oldest first."""
    return list(
        initiative.inventory.select_related(
            "effort", "related_initiative__organisation", "added_by"
        )
    )


def case_suggestions(initiative, entries, *, q: str = "", limit: int = 6) -> list[related.Match]:
    """Related work for a case that is not yet in its inventory: from the case's own text,
    focus areas and organisation, or from the words staff searched for."""
    exclude = [(Kind.INITIATIVE, initiative.pk)] + [(e.kind, e.target.pk) for e in entries]
    if q:
        return related.related(q, exclude=exclude, limit=limit)
    return related.related(
        "",
        fields=initiative.weighted_words,
        focus_areas=[area.code for area in initiative.focus_areas.all()],
        organisation_id=initiative.organisation_id,
        exclude=exclude,
        limit=limit,
    )


def attachment(pk: int) -> Attachment | None:
    """An attachment with its case, for the permission check that decides who downloads it."""
    return Attachment.objects.select_related("initiative").filter(pk=pk).first()


def focus_areas():
    """The office's managed list, in its order, those no longer in use too."""
    return FocusArea.objects.all()


def focus_area(pk: int) -> FocusArea | None:
    return FocusArea.objects.filter(pk=pk).first()


def focus_areas_chosen(ids) -> list[FocusArea]:
    """The focus areas a form names by id; anything that is not an id is left out."""
    return list(FocusArea.objects.filter(pk__in=[i for i in ids if str(i).isdigit()]))


def reply_templates():
    return ReplyTemplate.objects.all()


def reply_template(pk: int) -> ReplyTemplate | None:
    return ReplyTemplate.objects.filter(pk=pk).first()


def reply_template_text(template_id: str, kind: str, initiative: Initiative) -> str:
    """A chosen reply template's text in the submitter's language (the case's own language once
    the submitter is gone), to adjust before sending; nothing for an unknown template."""
    if not template_id or not template_id.isdigit():
        return ""
    template = ReplyTemplate.objects.filter(pk=template_id, kind=kind).first()
    if template is None:
        return ""
    submitter = initiative.submitter
    return template.body_for(submitter.language if submitter else initiative.language)


# The desk (SPEC §5): what is due and what waits, for one process manager or the whole office.

# A case nobody has taken for this long is flagged, as the unassigned reminder does.
UNASSIGNED_AFTER = timedelta(hours=48)


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def desk_cases(user=None, *, now: datetime | None = None) -> dict:
    """The promise on the desk, as unsliced querysets, most urgent first: the open cases of
    `user` (the whole office's for None) due this calendar week (from today to Sunday), due
    next week, and overdue (the due day has passed, as the clock counts); the cases that
    waited more than two days for a process manager (nobody's, so the same for everyone);
    those waiting for the submitter's answer to the latest question; and those the
    submitter answered that nobody (for `user`: they) has opened since."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    next_week = today + timedelta(days=7 - today.weekday())
    open_cases = Initiative.objects.open().exclude(decision_due=None).select_related("organisation")
    cases = open_cases.filter(assigned_to=user) if user else open_cases
    cases = cases.select_related("assigned_to")
    by_deadline = ("decision_due", "id")
    # The latest question and answer are kept on the case (`services._keep_latest`), each
    # with partial indexes on the open cases that have one, in the order listed here.
    reads = CaseRead.objects.filter(
        initiative=OuterRef("pk"), read_at__gte=OuterRef("last_answer_at")
    )
    if user:
        reads = reads.filter(user=user)
    return {
        "due_this_week": cases.filter(
            decision_due__gte=_start_of(today), decision_due__lt=_start_of(next_week)
        ).order_by(*by_deadline),
        "due_next_week": cases.filter(
            decision_due__gte=_start_of(next_week),
            decision_due__lt=_start_of(next_week + timedelta(days=7)),
        ).order_by(*by_deadline),
        "overdue": cases.filter(decision_due__lt=_start_of(today)).order_by(*by_deadline),
        # The deadline is always 21 days after receipt, so the longest waiting come first by
        # the deadline, which the index of open cases per holder has in order.
        "unassigned": open_cases.filter(
            assigned_to=None, decision_due__lte=now - UNASSIGNED_AFTER + PROMISE
        ).order_by(*by_deadline),
        "waiting": cases.filter(last_question_at__isnull=False)
        .filter(Q(last_answer_at=None) | Q(last_answer_at__lt=F("last_question_at")))
        .order_by("last_question_at", "id"),
        "unread": cases.filter(last_answer_at__isnull=False)
        .exclude(Exists(reads))
        .order_by("last_answer_at", "id"),
    }


def process_managers():
    """Everyone who may hold a case, by name."""
    return User.objects.filter(is_process_manager=True, is_active=True).order_by("name", "id")


def process_manager(pk: int):
    return process_managers().filter(pk=pk).first()


def open_cases_per_process_manager() -> dict[int, int]:
    """How many open cases each process manager holds, by their id, in one query."""
    rows = (
        Initiative.objects.open()
        .exclude(assigned_to=None)
        .values("assigned_to")
        .annotate(cases=Count("id"))
        .order_by()
    )
    return {row["assigned_to"]: row["cases"] for row in rows}


def open_cases_of(user):
    """A process manager's open cases, the most urgent first, for handing them over."""
    return (
        Initiative.objects.open()
        .filter(assigned_to=user)
        .select_related("organisation")
        .order_by("decision_due", "id")
    )


def deadlines_of(user):
    """The open cases assigned to a process manager, with their decision deadlines, for their
    calendar. One query, soonest first."""
    return (
        Initiative.objects.open()
        .filter(assigned_to=user, decision_due__isnull=False)
        .only("pk", "title", "decision_due", "updated_at")
        .order_by("decision_due", "pk")
    )


def suggestion_cases(user):
    """The member's own initiatives a suggested effort can be said of: all but the withdrawn,
    newest first."""
    return (
        Initiative.objects.of_submitter(user)
        .exclude(state=State.WITHDRAWN)
        .order_by("-created_at", "-id")
    )


def card_effort(pk: int) -> Effort | None:
    """An effort of the register as a member may see it: current ones only."""
    return Effort.objects.current().prefetch_related("focus_areas").filter(pk=pk).first()


def effort_verdicts(initiative) -> dict[str, list[EffortVerdict]]:
    """What the submitter said of suggested efforts, by verdict, for staff on the case."""
    found: dict[str, list[EffortVerdict]] = {"close": [], "unrelated": []}
    for verdict in initiative.effort_verdicts.select_related("effort"):
        found[verdict.verdict].append(verdict)
    return found


def unrelated_efforts(initiative) -> list[int]:
    """The efforts the submitter said are not related to this initiative."""
    return list(
        initiative.effort_verdicts.filter(verdict=EffortVerdict.Verdict.UNRELATED).values_list(
            "effort_id", flat=True
        )
    )
