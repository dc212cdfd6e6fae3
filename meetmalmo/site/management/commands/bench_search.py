import csv
import random
import statistics
import time
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetmalmo.publishing.models import NewsArticle, Project
from meetmalmo.search import indexing, selectors

PREFIX = "bench-search-"
QUERIES = [
    "sommarjobb",
    "summer jobs for young people",
    "hamnen",
    "kompetensförsörjning inom besöksnäringen",
    "newcomers first job",
    "malmö",
    "x" * 5_000,
    "<script>alert(1)</script>",
]


class Command(BaseCommand):
    help = (
        "Times the public search in this process on a site of N published projects and news "
        "articles (bulk articles written from the demo's texts are added and indexed until "
        "there are N): prints the median and 95th percentile in ms and the queries per search. "
        "Use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, items, repeat, **options):
        current = NewsArticle.objects.published().count() + Project.objects.published().count()
        if current < items:
            self._articles(items - current)
            started = time.perf_counter()
            count = indexing.rebuild()
            self.stdout.write(f"{count} items indexed in {time.perf_counter() - started:.1f} s")
        for text in QUERIES:  # warm the caches, as a running portal has them
            selectors.search(text)
        timings, counts = [], set()
        for _ in range(repeat):
            for text in QUERIES:
                for kind in ("", "project", "article"):
                    started = time.perf_counter()
                    with CaptureQueriesContext(connection) as queries:
                        selectors.search(text, kind=kind)
                    timings.append((time.perf_counter() - started) * 1000)
                    counts.add(len(queries))
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        total = NewsArticle.objects.published().count() + Project.objects.published().count()
        self.stdout.write(
            f"{total} published projects and articles, {len(timings)} searches: "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
            f"max {timings[-1]:.1f} ms, queries per search {sorted(counts)}"
        )

    def _articles(self, count: int) -> None:
        """Articles whose texts mix sentences of the demo's efforts, in Swedish, as varied in
        their words as a few years of news."""
        path = Path(__file__).resolve().parents[2] / "demo" / "efforts.csv"
        with path.open(encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        titles = [row["title"] for row in rows]
        texts = [row["description"] for row in rows]
        rng = random.Random(22)
        start = NewsArticle.objects.filter(slug__startswith=PREFIX).count()
        now = timezone.now()
        batch = []
        for n in range(start, start + count):
            body = " ".join(rng.sample(texts, 4))
            batch.append(
                NewsArticle(
                    slug=f"{PREFIX}{n}",
                    title_sv=f"{rng.choice(titles)} {n}",
                    lead_sv=rng.choice(texts),
                    body_sv=body,
                    byline="Meet Malmö",
                    publish_at=now - timedelta(hours=n),
                )
            )
            if len(batch) == 2_000:
                NewsArticle.objects.bulk_create(batch)
                batch = []
        NewsArticle.objects.bulk_create(batch)
