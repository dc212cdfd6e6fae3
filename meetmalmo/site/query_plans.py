"""The big lists of the portal and how the database plans them: each list's count and first
page should read a range of an index that matches its filter and order, not scan a big table
or sort it. SQLite's EXPLAIN QUERY PLAN and PostgreSQL's EXPLAIN (told to avoid sequential
scans and sorts wherever an index can serve, so that a few rows plan as millions would). Used
by the tests and by `make bench` on the database at scale (`bench_plans`)."""

from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetmalmo.initiatives import selectors as initiatives
from meetmalmo.inventory import selectors as inventory
from meetmalmo.publishing import selectors as publishing
from meetmalmo.resources import selectors as resources

BIG = (
    "initiatives_initiative",
    "initiatives_caseevent",
    "publishing_project",
    "publishing_newsarticle",
    "resources_resourceprofile",
    "inventory_effort",
    "accounts_user",
)


def lists(manager) -> dict:
    """Every big list by name, as its page reads it; `manager` is the process manager whose
    queue and desk are read."""
    found = {f"queue {tab}": initiatives.queue(manager, tab=tab) for tab in initiatives.QUEUE_TABS}
    for scope, who in (("own", manager), ("office", None)):
        desk = initiatives.desk_cases(who)
        for name in (
            "due_this_week",
            "due_next_week",
            "overdue",
            "unassigned",
            "waiting",
            "unread",
        ):
            found[f"desk {scope} {name}"] = desk[name]
    found.update(
        {
            "news": publishing.news_list(),
            "projects": publishing.project_list(),
            "project cards": publishing.project_cards(),
            "office news": publishing.staff_articles(),
            "efforts": inventory.efforts(),
            "resources": resources.directory(),
        }
    )
    return found


def plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return [row[-1] for row in cursor.fetchall()]
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql)
        return [row[0] for row in cursor.fetchall()]


def wasteful(step: str) -> bool:
    """A step that reads a whole big table, or sorts it, rather than a range of an index."""
    if connection.vendor == "sqlite":
        scans = any(step.startswith(f"SCAN {table}") for table in BIG) and "INDEX" not in step
        return scans or step.startswith("USE TEMP B-TREE FOR ORDER BY")
    stripped = step.strip().removeprefix("->").strip()
    # A sort node, not the "Sort Key:" line under it, nor an incremental sort, which reads
    # the index in order and sorts only the rows that share its leading key.
    sorts = stripped.startswith("Sort ") and "(cost=" in stripped
    return sorts or any(f"Seq Scan on {t} " in step for t in BIG)


def page_queries(queryset, size: int = 25) -> list[str]:
    """The count and the first page, as a list page reads them (prefetches, bounded by the
    page, left out). An empty list reads no page: only its count is checked."""
    with CaptureQueriesContext(connection) as captured:
        list(Paginator(queryset, size).get_page(1))
    return [q["sql"] for q in captured.captured_queries if " IN (" not in q["sql"]]


def wasteful_steps(queryset) -> list[tuple[str, list[str]]]:
    """(query, its plan) for each query of the list that reads more than a range."""
    found = []
    for sql in page_queries(queryset):
        steps = plan(sql)
        if any(wasteful(step) for step in steps):
            found.append((sql, steps))
    return found
