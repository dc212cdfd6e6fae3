import json

from django.core.management.base import BaseCommand

from meetmalmo.inventory.evaluation import (
    CUTOFF,
    evaluate,
    evaluate_initiatives,
    filler_words,
    rankings,
)


class Command(BaseCommand):
    help = (
        "Measures related-work search on the evaluation set against the demo register: recall "
        "in the first five and mean reciprocal rank, per language, with the efforts it missed: for "
        "short texts, and for whole initiatives from their title alone and from every field. "
        "Run it on a database seeded with seed_demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rankings",
            action="store_true",
            dest="print_rankings",
            help="Print the first five for each query as JSON (the tests' expected rankings).",
        )

        parser.add_argument(
            "--filler-words",
            action="store_true",
            dest="print_filler",
            help="Print the words the evaluation texts use often that seldom lead to the right "
            "effort, with how many texts use them and in how many they helped.",
        )

    def handle(self, *args, print_rankings, print_filler=False, **options):
        if print_filler:
            for filler in filler_words():
                self.stdout.write(
                    f"{filler.word}: in {filler.texts} texts, helped in {filler.helpful}"
                )
            return
        if print_rankings:
            self.stdout.write(json.dumps(rankings(), ensure_ascii=False, indent=1))
            return
        self.stdout.write("Short texts:")
        for language, score in evaluate().items():
            self.stdout.write(
                f"{language}: {score.queries} queries, recall@{CUTOFF} {score.recall:.2f}, "
                f"MRR {score.mrr:.2f}"
            )
            for query, title in score.misses:
                self.stdout.write(f"  missed {title!r} for {query!r}…")
        self.stdout.write("Whole initiatives:")
        for (language, asked), score in evaluate_initiatives().items():
            self.stdout.write(
                f"{language} {asked}: {score.queries} initiatives, recall@{CUTOFF} "
                f"{score.recall:.2f}, MRR {score.mrr:.2f}"
            )
            for title, missed in score.misses:
                self.stdout.write(f"  missed {missed!r} for {title!r}")
