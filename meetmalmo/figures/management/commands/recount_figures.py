from django.core.management.base import BaseCommand

from meetmalmo.figures import maintained


class Command(BaseCommand):
    help = (
        "Counts the maintained figures (the public headline figures and the office's figures "
        "since the start) afresh from everything they count. The task queue does this after "
        "every change and the hourly reminders once an hour; run it after loading data in bulk."
    )

    def handle(self, *args, **options):
        maintained.recount()
        self.stdout.write(f"Figures recounted: {', '.join(maintained.SETS)}.")
