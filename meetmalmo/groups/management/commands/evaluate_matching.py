from django.core.management.base import BaseCommand

from meetmalmo.groups.evaluation import CUTOFF, DEPTH, evaluate


class Command(BaseCommand):
    help = (
        "Measures the match list on the evaluation set of working groups against the demo pool: "
        f"precision in the first {CUTOFF} and nDCG of the first {DEPTH}, per group and on "
        "average, with the resources it missed. Run it on a database seeded with seed_demo; "
        "the groups are formed in a transaction that is rolled back."
    )

    def handle(self, *args, **options):
        score = evaluate()
        for group in score.groups:
            self.stdout.write(
                f"{group.title}: precision@{CUTOFF} {group.precision:.2f}, nDCG {group.ndcg:.2f}"
            )
            if group.missed:
                self.stdout.write(f"  missed {', '.join(group.missed)}")
        self.stdout.write(
            f"{len(score.groups)} groups: precision@{CUTOFF} {score.precision:.2f}, "
            f"nDCG {score.ndcg:.2f}"
        )
