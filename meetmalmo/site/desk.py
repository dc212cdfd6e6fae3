"""The process manager's desk: the open work of one process manager or the whole office,
gathered from the cases, the groups and the reports, each list with its full count and its
most urgent rows, in a fixed number of queries whatever the amount of data."""

from dataclasses import dataclass

from django.utils import timezone

from meetmalmo.figures import maintained
from meetmalmo.groups import selectors as groups
from meetmalmo.initiatives import selectors as initiatives
from meetmalmo.publishing import reports

# Enough to work through in a morning; the full list is a click away where one exists.
ROWS = 10


@dataclass(frozen=True)
class Listed:
    count: int
    rows: list


def listed(queryset, limit: int = ROWS) -> Listed:
    """One query for the count, one for the rows shown."""
    return Listed(count=queryset.count(), rows=list(queryset[:limit]))


def desk(user, *, office: bool, now=None) -> dict[str, Listed]:
    """Every list of the desk by name; `office` for the whole office instead of `user`'s own."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    scope = None if office else user
    lists = {
        **initiatives.desk_cases(scope, now=now),
        **{f"groups_{k}": v for k, v in groups.desk_groups(scope, now=now).items()},
        **{f"reports_{k}": v for k, v in reports.desk_reports(scope, now=now).items()},
    }
    found = {name: listed(queryset) for name, queryset in lists.items()}
    for case in found["overdue"].rows + found["due_this_week"].rows + found["due_next_week"].rows:
        case.clock = initiatives.clock(case, now)
    for milestone in found["groups_milestones"].rows:
        milestone.days_overdue = max((today - milestone.due).days, 0)
    return found


def promise_this_year(user, *, office: bool):
    """The promise kept so far this year, measured as the figures measure it: read from the
    figures kept up to date (`figures.maintained`), not counted over every case of the year."""
    return maintained.desk_promise(None if office else user)


@dataclass(frozen=True)
class Load:
    person: object
    cases: int
    groups: int
    reports: int


def workload() -> list[Load]:
    """Each process manager with their open cases, the groups they support and the reports
    waiting there: two queries however many people and cases, the counts kept up to date by
    the figures (`figures.maintained.workload`) rather than counted over every case and group
    for each look at the desk."""
    counts = maintained.workload()
    return [
        Load(
            person=person,
            cases=counts["cases"].get(person.pk, 0),
            groups=counts["groups"].get(person.pk, 0),
            reports=counts["reports"].get(person.pk, 0),
        )
        for person in initiatives.process_managers()
    ]
