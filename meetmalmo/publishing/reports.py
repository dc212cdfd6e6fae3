"""Reports of what working groups achieved: who may write them, their path from draft to
published, the sums of their outcomes, and the reminder when a completed case has none."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetmalmo.core import public_cache
from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import link_for
from meetmalmo.groups.models import Membership, Role
from meetmalmo.groups.selectors import supported_by
from meetmalmo.initiatives.models import CaseEvent, Initiative, Reminder
from meetmalmo.initiatives.workflow import State
from meetmalmo.notifications.kinds import Kind
from meetmalmo.notifications.services import notify
from meetmalmo.publishing import following
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.permissions import can_decide_report, can_write_report
from meetmalmo.publishing.services import project_touch

REPORT_AFTER = timedelta(days=30)
REPORT_DUE = Kind("report_due", gettext_lazy("Reports my group owes"), essential=True)
# A final report once the work is completed; a yearly one while it runs.
KIND_FOR_STATE = {State.COMPLETED: Report.Kind.FINAL, State.ACTIVE: Report.Kind.YEARLY}


@transaction.atomic
def report_save(*, initiative, form, outcomes, actor, submit: bool) -> Report:
    """Save a report with its outcomes, all or nothing; `submit` hands it to the office."""
    if not can_write_report(actor, initiative):
        raise Refused(_("Only the group's owner and process support write reports."))
    report = form.save(commit=False)
    if report.pk is None:
        if initiative.state not in KIND_FOR_STATE:
            raise Refused(_("A report is written when the work runs or is completed."))
        report.initiative = initiative
        report.kind = KIND_FOR_STATE[initiative.state]
        report.author = actor
    if report.state in (Report.State.SUBMITTED, Report.State.PUBLISHED):
        raise Refused(_("The report is with the office; it can no longer be changed."))
    if submit:
        report.state = Report.State.SUBMITTED
        report.submitted_at = timezone.now()
    report.save()
    outcomes.instance = report
    outcomes.save()
    return report


@transaction.atomic
def report_decide(*, report: Report, actor, publish: bool, comment: str = "") -> Report:
    """Publish a submitted report, or send it back to the group with a comment."""
    if not can_decide_report(actor):
        raise Refused(_("Only process managers publish reports."))
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.state != Report.State.SUBMITTED:
        raise Refused(_("Only a submitted report can be published or sent back."))
    if not publish and not comment.strip():
        raise Refused(_("Say what should change: the group reads the comment."))
    report.state = Report.State.PUBLISHED if publish else Report.State.RETURNED
    report.comment = comment.strip()
    report.published_at = timezone.now() if publish else None
    report.save(update_fields=["state", "comment", "published_at", "updated_at"])
    if publish:
        project_touch(report.initiative_id)
        transaction.on_commit(lambda: following.tell_report(report))
    transaction.on_commit(public_cache.clear)
    return report


def outcome_totals(outcomes=None) -> list[dict]:
    """Outcomes of published reports summed by label and unit, compared without case; each
    sum carries the spelling that sorts first as its `label` and `unit`."""
    outcomes = Outcome.objects.all() if outcomes is None else outcomes
    return list(
        outcomes.filter(report__state=Report.State.PUBLISHED)
        .annotate(key=Lower("label"), unit_key=Lower("unit"))
        .values("key", "unit_key")
        .annotate(
            label=Min("label"),
            # the language of the initiatives that counted it, so a page can mark the label
            language=Min("report__initiative__language"),
            unit=Min("unit"),
            total=Sum("number"),
            reports=Count("report", distinct=True),
        )
        .order_by("key", "unit_key")
    )


def label_suggestions() -> list[str]:
    return list(Outcome.objects.values_list("label", flat=True).distinct().order_by("label")[:300])


def remind_missing_reports(now) -> int:
    """Remind the owner once when a case completed more than 30 days ago has no final report
    with the office."""
    due = (
        Initiative.objects.filter(
            state=State.COMPLETED,
            events__to_state=State.COMPLETED,
            events__created_at__lte=now - REPORT_AFTER,
        )
        .exclude(
            reports__kind=Report.Kind.FINAL,
            reports__state__in=[Report.State.SUBMITTED, Report.State.PUBLISHED],
        )
        .exclude(reminders__kind=Reminder.Kind.REPORT_DUE)
        .select_related("group")
        .distinct()
    )
    sent = 0
    for initiative in due:
        _reminder, created = Reminder.objects.get_or_create(
            initiative=initiative, kind=Reminder.Kind.REPORT_DUE
        )
        if not created:
            continue
        group = getattr(initiative, "group", None)
        owners = [m.user for m in group.memberships.filter(role="owner")] if group else []
        if not owners and initiative.submitter:  # a submitter may have deleted their account
            owners = [initiative.submitter]
        for owner in owners:
            link = (
                link_for(owner, "groups:workspace", group.pk)
                if group
                else link_for(owner, "initiatives:mine", initiative.pk)
            )
            notify(
                recipient=owner,
                kind=REPORT_DUE.code,
                template="publishing/email/report_due",
                context={"initiative": initiative},
                link=link,
            )
        sent += 1
    return sent


def hourly(now) -> str:
    """The reports' part of `send_reminders` (registered in apps.py)."""
    return f"{remind_missing_reports(now)} reports due"


def _completed_at():
    return Subquery(
        CaseEvent.objects.filter(
            initiative=OuterRef("pk"), kind=CaseEvent.Kind.TRANSITION, to_state=State.COMPLETED
        )
        .order_by("-created_at", "-id")
        .values("created_at")[:1]
    )


def desk_reports(user=None, *, now=None) -> dict:
    """The reports' part of the desk, as unsliced querysets, the longest waiting first, for the
    groups `user` supports or the cases they hold (everyone's for None): reports sent to the
    office and waiting for review, and cases completed more than 30 days ago with no final
    report sent."""
    now = now or timezone.now()
    waiting = Report.objects.filter(state=Report.State.SUBMITTED)
    completed = Initiative.objects.filter(state=State.COMPLETED)
    if user:
        waiting = waiting.filter(initiative__group__in=supported_by(user))
        completed = completed.filter(Q(assigned_to=user) | Q(group__in=supported_by(user)))
    sent = Report.objects.filter(
        initiative=OuterRef("pk"),
        kind=Report.Kind.FINAL,
        state__in=[Report.State.SUBMITTED, Report.State.PUBLISHED],
    )
    return {
        "waiting": waiting.select_related("initiative__group").order_by("submitted_at", "id"),
        "missing": completed.annotate(completed_at=_completed_at())
        .filter(completed_at__lte=now - REPORT_AFTER)
        .exclude(Exists(sent))
        .select_related("group", "organisation")
        .order_by("completed_at", "id"),
    }


def reports_waiting_per_process_manager() -> dict[int, int]:
    """How many sent reports wait for review in the groups each person supports, by their id,
    in one query."""
    rows = (
        Membership.objects.filter(
            role=Role.PROCESS_SUPPORT, group__initiative__reports__state=Report.State.SUBMITTED
        )
        .values("user")
        .annotate(reports=Count("group__initiative__reports", distinct=True))
        .order_by()
    )
    return {row["user"]: row["reports"] for row in rows}
