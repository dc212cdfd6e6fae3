"""The office's export of initiatives, for its own spreadsheets (staff only): one row per
initiative with its clock, its decision, the promise kept or missed, its working group and its
published outcomes. The cells keep their types (numbers, dates) for the Excel workbook; the CSV
writer turns them into text."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from meetmalmo.core.models import Sphere
from meetmalmo.figures.selectors import Period, submitted
from meetmalmo.groups.models import Membership
from meetmalmo.initiatives.selectors import (
    Outcome,
    case_promise,
    decision_days,
    with_withdrawn_at,
)
from meetmalmo.initiatives.workflow import BROUGHT_TO_LIFE_STATES, State
from meetmalmo.publishing.models import Report


def _day(moment):
    return timezone.localtime(moment).date() if moment else None


def _decision(initiative) -> str:
    """What the office decided: the move that stopped the clock."""
    if initiative.decided_at is None:
        return ""
    if initiative.state in BROUGHT_TO_LIFE_STATES:
        return State.ADOPTED.label
    return initiative.get_state_display()


def _spheres(initiative) -> str:
    group = getattr(initiative, "group", None)
    if group is None:
        return ""
    found = {
        m.user.organisation.sphere
        for m in group.memberships.all()
        if m.user.organisation_id is not None
    }
    return "; ".join(str(label) for code, label in Sphere.choices if code in found)


def _number(value):
    return int(value) if value == value.to_integral_value() else value.normalize()


def _outcomes(initiative) -> str:
    return "; ".join(
        f"{outcome.label}: {number_format(_number(outcome.number))} {outcome.unit}".strip()
        for report in initiative.reports.all()
        for outcome in report.outcomes.all()
    )


def initiatives(period: Period) -> tuple[list[str], list[tuple]]:
    """Every initiative brought in during the period, oldest first, one row each."""
    header = [
        _("Number"),
        _("Title"),
        _("Organisation"),
        _("Sphere"),
        _("State"),
        _("Channel"),
        _("Focus areas"),
        _("Process manager"),
        _("Submitted"),
        _("Decision due"),
        _("Decided"),
        _("Days to decision"),
        _("Decided within 21 days"),
        _("The promise"),
        _("Decision"),
        _("Spheres of the working group"),
        _("Published outcomes"),
    ]
    found = (
        with_withdrawn_at(submitted(period))
        .select_related("organisation", "assigned_to", "group")
        .prefetch_related(
            "focus_areas",
            Prefetch(
                "group__memberships",
                queryset=Membership.objects.select_related("user__organisation"),
            ),
            Prefetch(
                "reports",
                queryset=Report.objects.filter(state=Report.State.PUBLISHED).order_by(
                    "published_at", "id"
                ),
            ),
            "reports__outcomes",
        )
        .order_by("submitted_at", "id")
    )
    yes, no = _("yes"), _("no")
    promised = {Outcome.KEPT: _("kept"), Outcome.MISSED: _("missed"), Outcome.PENDING: _("pending")}
    within = {Outcome.KEPT: yes, Outcome.MISSED: no}
    rows = []
    now = timezone.now()
    for initiative in found.iterator(chunk_size=2000):
        outcome = case_promise(initiative, now=now)
        rows.append(
            (
                initiative.pk,
                initiative.title,
                initiative.organisation.name,
                initiative.organisation.get_sphere_display(),
                initiative.get_state_display(),
                initiative.get_channel_display(),
                "; ".join(area.name for area in initiative.focus_areas.all()),
                initiative.assigned_to.name if initiative.assigned_to else "",
                _day(initiative.submitted_at),
                _day(initiative.decision_due),
                _day(initiative.decided_at),
                decision_days(initiative),
                within.get(outcome, ""),
                promised.get(outcome, ""),
                _decision(initiative),
                _spheres(initiative),
                _outcomes(initiative),
            )
        )
    return header, rows
