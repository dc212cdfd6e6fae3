from django.core.management.base import BaseCommand
from django.utils import timezone

from meetmalmo.groups.services import expire_invitations, remind_invitations
from meetmalmo.initiatives.reminders import send_due_reminders
from meetmalmo.publishing.reports import remind_missing_reports


class Command(BaseCommand):
    help = (
        "Sends the 21-day clock's reminders: to the assigned process manager on day 14 and when "
        "the decision is overdue, and to all process managers about cases unassigned for two "
        "days; to invitees once, three days before their invitation to a working group "
        "expires, and marks expired invitations; to the owner once when a case completed 30 days "
        "ago has no final report. Each reminder goes out once; safe to run every "
        "hour."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        counts = send_due_reminders(now)
        reminded = remind_invitations(now)
        expired = expire_invitations(now)
        reports = remind_missing_reports(now)
        self.stdout.write(
            f"Reminders sent: {counts['day_14']} at day 14, {counts['overdue']} overdue, "
            f"{counts['unassigned']} unassigned, {reminded} invitations; "
            f"{expired} invitations expired, {reports} reports due."
        )
