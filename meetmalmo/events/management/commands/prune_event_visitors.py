from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from meetmalmo.events.services import prune_visitors


class Command(BaseCommand):
    help = (
        "Deletes the registrations of visitors without an account (name, e-mail, organisation) "
        "for meetings that ended more than EVENT_VISITOR_RETENTION_DAYS days ago (90 by "
        "default). Members' registrations stay with their account. Safe to run every day."
    )

    def handle(self, *args, **options):
        days = settings.EVENT_VISITOR_RETENTION_DAYS
        deleted = prune_visitors(now=timezone.now(), days=days)
        self.stdout.write(f"Visitors' registrations older than {days} days deleted: {deleted}.")
