"""The office's export of initiatives, for its own spreadsheets (staff only)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.figures.selectors import Period, submitted
from meetmalmo.initiatives.models import DECISION_DAYS
from meetmalmo.initiatives.selectors import days_to_decision


def _day(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


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
        _("Submitted"),
        _("Decision due"),
        _("Decided"),
        _("Days to decision"),
        _("Decided within 21 days"),
    ]
    found = (
        submitted(period)
        .select_related("organisation")
        .prefetch_related("focus_areas")
        .order_by("submitted_at", "id")
    )
    yes, no = _("yes"), _("no")
    rows = []
    for initiative in found.iterator(chunk_size=2000):
        days, within = "", ""
        if initiative.decided_at:
            raw = days_to_decision(initiative.submitted_at, initiative.decided_at)
            days, within = round(raw, 1), yes if raw <= DECISION_DAYS else no
        rows.append(
            (
                initiative.pk,
                initiative.title,
                initiative.organisation.name,
                initiative.organisation.get_sphere_display(),
                initiative.get_state_display(),
                initiative.get_channel_display(),
                "; ".join(area.name for area in initiative.focus_areas.all()),
                _day(initiative.submitted_at),
                _day(initiative.decision_due),
                _day(initiative.decided_at),
                days,
                within,
            )
        )
    return header, rows
