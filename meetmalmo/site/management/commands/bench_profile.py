"""`make bench PROFILE=/sv/staff/figures/`: where one page spends its time. Renders the page a
few times in this process, as a process manager (or `--as member`/`--as anonymous`, with a
query string the public cache has not seen), and prints the slowest functions (cProfile,
cumulative time) and the slowest queries with their share of the page's time."""

import cProfile
import io
import pstats
import statistics
import time
import uuid
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from meetmalmo.accounts.models import User
from meetmalmo.site.management.commands.bench_fixtures import MEMBER


def query_plan(sql: str) -> list[str]:
    """How the database runs one query: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN."""
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql)
        return [str(row[-1]) for row in cursor.fetchall()]


class Command(BaseCommand):
    help = "Profiles one page: the slowest functions and queries of rendering it."

    def add_arguments(self, parser):
        parser.add_argument("path", help="e.g. /sv/staff/figures/")
        parser.add_argument("--as", dest="who", choices=["staff", "member", "anonymous"])
        parser.add_argument("--times", type=int, default=5)
        parser.add_argument("--top", type=int, default=15)
        parser.add_argument(
            "--plans", action="store_true", help="Print the query plan of each of its queries."
        )

    def handle(
        self, *args, path: str, who: str | None, times: int, top: int, plans: bool, **options
    ):
        who = who or ("staff" if "/staff/" in path else "anonymous")
        client = Client(HTTP_HOST="127.0.0.1")
        if who == "staff":
            client.force_login(User.objects.filter(is_process_manager=True).order_by("id")[0])
        elif who == "member":
            client.force_login(User.objects.get(email=MEMBER))

        def address() -> str:
            bust = f"b={uuid.uuid4().hex}"
            return f"{path}{'&' if '?' in path else '?'}{bust}" if who == "anonymous" else path

        if client.get(address()).status_code != 200:  # warms up, and checks the address
            raise CommandError(f"{path} does not answer 200 {who}.")
        plain = []
        for _ in range(times):
            started = time.perf_counter()
            client.get(address())
            plain.append((time.perf_counter() - started) * 1000)
        self.stdout.write(f"{path} as {who}: {statistics.median(plain):.1f} ms a page (median)")
        profile = cProfile.Profile()
        queries = defaultdict(lambda: [0, 0.0])
        started = time.perf_counter()
        for _ in range(times):
            with CaptureQueriesContext(connection) as captured:
                profile.enable()
                client.get(address())
                profile.disable()
            for query in captured.captured_queries:
                queries[query["sql"]][0] += 1
                queries[query["sql"]][1] += float(query["time"])
        page_ms = (time.perf_counter() - started) * 1000 / times
        query_ms = sum(total for _n, total in queries.values()) * 1000 / times
        self.stdout.write(
            f"Profiled: {page_ms:.1f} ms a page, of which {query_ms:.1f} ms in "
            f"{sum(n for n, _t in queries.values()) / times:.0f} queries\n"
        )
        self.stdout.write("Slowest queries (ms a page, times a page):")
        slowest = sorted(queries.items(), key=lambda item: -item[1][1])[:top]
        for sql, (n, total) in slowest:
            self.stdout.write(f"  {total * 1000 / times:7.1f} {n / times:4.1f}× {sql[:300]}")
        report = io.StringIO()
        stats = pstats.Stats(profile, stream=report).strip_dirs().sort_stats("cumulative")
        stats.print_stats(top * 3)
        if plans:
            self.stdout.write("\nQuery plans:")
            for sql in queries:
                self.stdout.write(f"  {sql[:200]}")
                for line in query_plan(sql):
                    self.stdout.write(f"      {line}")
        self.stdout.write("\nSlowest functions (cumulative, all renderings):")
        self.stdout.write(report.getvalue())
