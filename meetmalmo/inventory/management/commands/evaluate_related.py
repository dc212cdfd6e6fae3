import json

from django.core.management.base import BaseCommand

from meetmalmo.inventory.evaluation import CUTOFF, evaluate, rankings


class Command(BaseCommand):
    help = (
        "Measures related-work search on the evaluation set against the demo register: recall "
        "in the first five and mean reciprocal rank, per language, with the efforts it missed. "
        "Run it on a database seeded with seed_demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rankings",
            action="store_true",
            dest="print_rankings",
            help="Print the first five for each query as JSON (the tests' expected rankings).",
        )

    def handle(self, *args, print_rankings, **options):
        if print_rankings:
            self.stdout.write(json.dumps(rankings(), ensure_ascii=False, indent=1))
            return
        for language, score in evaluate().items():
            self.stdout.write(
                f"{language}: {score.queries} queries, recall@{CUTOFF} {score.recall:.2f}, "
                f"MRR {score.mrr:.2f}"
            )
            for query, title in score.misses:
                self.stdout.write(f"  missed {title!r} for {query!r}…")
