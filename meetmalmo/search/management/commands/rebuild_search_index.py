from django.core.management.base import BaseCommand

from meetmalmo.search import indexing


class Command(BaseCommand):
    help = (
        "Index every published project, news article, meeting and report afresh for the public "
        "search. Changes are indexed as they are saved; this is for a new installation or after "
        "a change to the analysis."
    )

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"{count} items indexed for the public search.")
