"""Reads on initiatives: the 21-day clock of each case and how often the promise is kept."""

from dataclasses import dataclass
from datetime import datetime
from statistics import median

from django.db.models import Q
from django.utils import timezone

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import (
    DECISION_DAYS,
    Attachment,
    Initiative,
    InventoryEntry,
    ReplyTemplate,
)
from meetmalmo.initiatives.workflow import OPEN_STATES, State
from meetmalmo.inventory import related
from meetmalmo.inventory.models import Kind


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
    """The office's own measure: of the initiatives decided (in the period), how many were
    decided within 21 days of submission, and the median number of days it took."""
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
    return initiative.events.public().exclude(kind="assignment").select_related("actor")


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
    cases = Initiative.objects.exclude(state=State.DRAFT)
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
        cases = cases.filter(focus_areas=focus_area)
    if state:
        cases = cases.filter(state=state)
    if channel:
        cases = cases.filter(channel=channel)
    if overdue:
        cases = cases.open().filter(decision_due__lt=now)
    order = ["-decided_at"] if tab == "decided" else ["decision_due", "id"]
    return (
        cases.select_related("organisation", "assigned_to")
        .prefetch_related("focus_areas")
        .order_by(*order)
        .distinct()
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
    return initiative.events.select_related("actor", "assigned_to")


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
        initiative.own_words,
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


def deadlines_of(user):
    """The open cases assigned to a process manager, with their decision deadlines, for their
    calendar. One query, soonest first."""
    return (
        Initiative.objects.open()
        .filter(assigned_to=user, decision_due__isnull=False)
        .only("pk", "title", "decision_due", "updated_at")
        .order_by("decision_due", "pk")
    )
