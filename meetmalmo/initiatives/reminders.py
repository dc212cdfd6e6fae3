"""The clock's reminders: the assigned process manager hears at day 14 and when the decision is
overdue; the process managers hear of cases nobody has taken for two days. Each reminder is
recorded before it is sent, so running this again never sends the same one twice."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction

from meetmalmo.accounts.models import User
from meetmalmo.initiatives import notices
from meetmalmo.initiatives.models import Initiative, Reminder

DAY_14 = timedelta(days=14)
UNASSIGNED_AFTER = timedelta(days=2)
CLOCK_KINDS = (Reminder.Kind.DAY_14, Reminder.Kind.OVERDUE, Reminder.Kind.UNASSIGNED)


def _due(kind: str, now: datetime):
    open_cases = Initiative.objects.open().exclude(submitted_at=None)
    if kind == Reminder.Kind.DAY_14:
        cases = open_cases.filter(submitted_at__lte=now - DAY_14, decision_due__gt=now)
    elif kind == Reminder.Kind.OVERDUE:
        cases = open_cases.filter(decision_due__lte=now)
    else:
        cases = open_cases.filter(assigned_to=None, submitted_at__lte=now - UNASSIGNED_AFTER)
    return (
        cases.exclude(reminders__kind=kind).select_related("assigned_to").order_by("decision_due")
    )


def _recipients(initiative: Initiative, kind: str, office: list[User]) -> list[User]:
    if kind != Reminder.Kind.UNASSIGNED and initiative.assigned_to_id:
        return [initiative.assigned_to]
    return office


@transaction.atomic
def send_due_reminders(now: datetime) -> dict[str, int]:
    """Send every reminder that is due and not yet sent; returns how many cases each kind took."""
    office = list(User.objects.filter(is_process_manager=True, is_active=True))
    counts = {}
    for kind in CLOCK_KINDS:
        per_recipient = defaultdict(list)
        sent = 0
        for initiative in _due(kind, now):
            _, created = Reminder.objects.get_or_create(initiative=initiative, kind=kind)
            if not created:  # another run got there first
                continue
            sent += 1
            for recipient in _recipients(initiative, kind, office):
                per_recipient[recipient].append(initiative)
        for recipient, initiatives in per_recipient.items():
            transaction.on_commit(
                lambda r=recipient, i=initiatives, k=kind: notices.send_reminder(k, r, i, now=now)
            )
        counts[kind] = sent
    return counts


def hourly(now: datetime) -> str:
    """The clock's part of `send_reminders` (registered in apps.py)."""
    counts = send_due_reminders(now)
    return (
        f"{counts['day_14']} at day 14, {counts['overdue']} overdue, "
        f"{counts['unassigned']} unassigned"
    )
