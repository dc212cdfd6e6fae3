from django.core.management.base import BaseCommand
from django.utils import timezone

from meetmalmo.core import reminders


class Command(BaseCommand):
    help = (
        "Sends every reminder that is due, as each app registers it: the 21-day clock's, to the "
        "assigned process manager on day 14 and when the decision is overdue, and to all "
        "process managers about cases unassigned for two days; to invitees once, three days "
        "before their invitation to a working group expires, marking expired invitations; to "
        "the owner once when a case completed 30 days ago has no final report. Each reminder "
        "goes out once; safe to run every hour."
    )

    def handle(self, *args, **options):
        done = reminders.run_all(timezone.now())
        self.stdout.write(f"Reminders sent: {'; '.join(done) or 'none registered'}.")
