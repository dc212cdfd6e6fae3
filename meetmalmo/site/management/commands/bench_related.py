import statistics
import time

from django.core.management.base import BaseCommand

from meetmalmo.inventory import related
from meetmalmo.inventory.evaluation import EVALUATION_SET, initiatives
from meetmalmo.inventory.models import Effort
from meetmalmo.site.demo.scale import EFFORT_OWNER
from meetmalmo.site.demo.scale import efforts as seed_efforts

SHORT_QUERIES = ["sommarjobb", "summer jobs for young people", "hamn", "x" * 10_000]
LONG_TEXT = ("Unga får sommarjobb på hotell och restauranger vid hamnen och på festivaler. " * 300)[
    :20_000
]


class Command(BaseCommand):
    help = (
        "Times related-work answers in this process on a register of N efforts (bulk efforts are "
        "added and indexed until there are N): prints the median and 95th percentile in ms over "
        "the evaluation sets (short texts and whole initiatives, field by field) and a few short "
        "and long texts, one of 20 000 characters. Use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--efforts", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, efforts, repeat, **options):
        import json

        current = Effort.objects.current().count()
        if current < efforts:
            scale = Effort.objects.filter(owner_org=EFFORT_OWNER).count()
            seed_efforts(scale + efforts - current)
            started = time.perf_counter()
            related.rebuild()
            self.stdout.write(f"Indexed in {time.perf_counter() - started:.1f} s")
        queries = [[(q["text"], 1.0)] for q in json.loads(EVALUATION_SET.read_text())["queries"]]
        queries += [[(text, 1.0)] for text in SHORT_QUERIES]
        # Whole initiatives, field by field as the form sends them, and one of 20 000 characters.
        queries += [
            [(item.get(name, ""), weight) for name, weight in related.INITIATIVE_FIELDS]
            for item in initiatives()
        ]
        queries.append([("Sommarjobb för unga", 3.0), (LONG_TEXT, 1.0)])
        for fields in queries:  # warm the caches, as a running portal has them
            related.related("", fields=fields)
        timings = []
        for _ in range(repeat):
            for fields in queries:
                started = time.perf_counter()
                related.related("", fields=fields)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        self.stdout.write(
            f"{Effort.objects.current().count()} efforts, {len(timings)} answers: "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
            f"max {timings[-1]:.1f} ms"
        )
