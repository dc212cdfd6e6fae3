"""The figures the busiest pages show, counted ahead of them: the public headline figures (home
page, /figures/, the API), the office's figures and the page for the politicians since the
start (/staff/figures/ and its summary without a period), and the promise of this year on the
desk. Counting them takes seconds at
scale; reading them is one row.

Each set is a function in `SETS` that counts it in full from the selectors, so a snapshot says
exactly what a recount says. Any saved or deleted record the figures count asks for a recount
(`changed`): after the change commits, one task is queued, and changes made while it waits
share it, so a burst of changes costs one recount and the figures are right within a minute.
The hourly reminders recount too, for what changes with time alone (a deadline passing, a page
published ahead of time coming due). A new counted dimension is a new key in a set's function
(or a new set), and a model it depends on added to those `figures/apps.py` subscribes."""

import json
from collections.abc import Callable
from decimal import Decimal

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation
from django_tasks import task

from meetmalmo.figures import selectors, summary
from meetmalmo.figures.models import Snapshot
from meetmalmo.groups import selectors as groups
from meetmalmo.initiatives import selectors as initiatives
from meetmalmo.initiatives.selectors import Promise
from meetmalmo.publishing import reports

# Set while a recount is queued and has not started: later changes wait for that one.
QUEUED = "figures:recount-queued"
# A queued recount whose worker is gone does not block the next one for longer than this.
QUEUED_FOR = 10 * 60
LANGUAGES = ("sv", "en")


def _public() -> dict:
    return {
        "figures": selectors.public_figures(),
        "promise": _promise_data(selectors.public_promise()),
    }


def _office() -> dict:
    """The office's tables since the start, in each language, as the page shows them."""
    found = {}
    for language in LANGUAGES:
        # Turned into JSON inside the language: the labels are translated lazily.
        with translation.override(language):
            found[language] = _jsonable(
                [
                    {
                        "key": t.key,
                        "title": t.title,
                        "description": t.description,
                        "columns": t.columns,
                        "rows": [list(row) for row in t.rows],
                        "chart": t.chart,
                    }
                    for t in selectors.tables(selectors.Period())
                ]
            )
    return found


def _summary() -> dict:
    """The page for the politicians since the start, in each language, as it shows it."""
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            sections = summary.sections(summary.period_summary(selectors.Period()))
            found[language] = _jsonable(
                [
                    {
                        "key": s.key,
                        "title": s.title,
                        "paragraphs": s.paragraphs,
                        "columns": s.columns,
                        "rows": [list(row) for row in s.rows],
                    }
                    for s in sections
                ]
            )
    return found


def _promise_data(promise: Promise) -> dict:
    return {
        "kept": promise.kept,
        "missed": promise.missed,
        "pending": promise.pending,
        "median_days": promise.median_days,
        "decided": promise.decided,
    }


def _this_year(assigned_to=None) -> Promise:
    today = timezone.localdate()
    return initiatives.promise(today.replace(month=1, day=1), today, assigned_to=assigned_to)


def _desk() -> dict:
    """The promise kept so far this year, as the desk shows it: the whole office's and each
    process manager's own, by their id."""
    return {
        "year": timezone.localdate().year,
        "office": _promise_data(_this_year()),
        "people": {
            str(person.pk): _promise_data(_this_year(person))
            for person in initiatives.process_managers()
        },
        # The workload table: each person's open cases, groups supported and reports waiting.
        "workload": {
            name: {str(pk): n for pk, n in counted().items()}
            for name, counted in (
                ("cases", initiatives.open_cases_per_process_manager),
                ("groups", groups.groups_per_process_manager),
                ("reports", reports.reports_waiting_per_process_manager),
            )
        },
    }


SETS: dict[str, Callable[[], dict]] = {
    "public": _public,
    "office": _office,
    "summary": _summary,
    "desk": _desk,
}


# Sums of outcomes are decimals: kept as their digits and read back as the same decimal, so a
# snapshot shows 12.50 where a recount does.
DECIMAL = "__decimal__"


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return {DECIMAL: str(o)}
        return super().default(o)


def _decoded(value):
    if isinstance(value, dict):
        if set(value) == {DECIMAL}:
            return Decimal(value[DECIMAL])
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def _jsonable(data):
    return json.loads(json.dumps(data, cls=_Encoder))


def count(key: str) -> dict:
    """A set counted in full now, as a snapshot keeps it (decimals tagged)."""
    return _jsonable(SETS[key]())


def recount() -> None:
    """Counts every set afresh and keeps the results."""
    now = timezone.now()
    with transaction.atomic():
        for key in SETS:
            Snapshot.objects.update_or_create(
                key=key, defaults={"data": count(key), "counted_at": now}
            )


def read(key: str) -> dict:
    """A set as last counted; counted now when it never was (a database migrated but not yet
    recounted), and a recount is queued so that the next reader finds it."""
    found = Snapshot.objects.filter(key=key).values_list("data", flat=True).first()
    if found is None:
        transaction.on_commit(_queue)
        found = count(key)
    return _decoded(found)


def public_figures() -> dict:
    """`selectors.public_figures()`, as last counted."""
    return read("public")["figures"]


def public_promise() -> Promise:
    """`selectors.public_promise()`, as last counted."""
    return Promise(**read("public")["promise"])


def summary_sections() -> list[summary.Section]:
    """`summary.sections()` of the whole time in the active language, as last counted."""
    found = read("summary")
    return [
        summary.Section(
            s["key"], s["title"], s["paragraphs"], s["columns"], [tuple(row) for row in s["rows"]]
        )
        for s in found.get(translation.get_language(), found[LANGUAGES[0]])
    ]


def desk_promise(user=None) -> Promise:
    """`initiatives.selectors.promise()` of this year so far, for the office (None) or one
    process manager, as last counted. Counted now in a new year until the hourly recount, and
    for someone who became a process manager since the last recount."""
    found = read("desk")
    if found["year"] != timezone.localdate().year:
        return _this_year(user)
    if user is None:
        return Promise(**found["office"])
    mine = found["people"].get(str(user.pk))
    return _this_year(user) if mine is None else Promise(**mine)


def workload() -> dict[str, dict[int, int]]:
    """The desk's workload as last counted: for "cases", "groups" and "reports", how many each
    person holds, by their id (`open_cases_per_process_manager` and its neighbours)."""
    found = read("desk")["workload"]
    return {name: {int(pk): n for pk, n in counts.items()} for name, counts in found.items()}


def office_tables() -> list[selectors.Table]:
    """`selectors.tables(Period())` in the active language, as last counted."""
    language = translation.get_language()
    tables = read("office")
    return [
        selectors.Table(
            t["title"],
            t["description"],
            t["columns"],
            [tuple(row) for row in t["rows"]],
            chart=t["chart"],
            key=t["key"],
        )
        for t in tables.get(language, tables[LANGUAGES[0]])
    ]


@task()
def recount_task() -> None:
    # Cleared first: a change committed from here on queues a recount of its own.
    cache.delete(QUEUED)
    recount()


def _queue() -> None:
    if cache.add(QUEUED, True, QUEUED_FOR):
        recount_task.enqueue()


def changed(**kwargs) -> None:
    """A record the figures count was saved or deleted: recount once the change is kept."""
    transaction.on_commit(_queue)


def hourly(now) -> str:
    recount()
    return "figures recounted"


def subscribe(models, *, deleted=()) -> None:
    """Recount after any save or delete of `models`, and after a delete of `deleted`."""
    for model in [*models, *deleted]:
        uid = f"figures.maintained.{model._meta.label_lower}"
        if model in models:
            post_save.connect(changed, sender=model, dispatch_uid=f"{uid}.save", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}.delete", weak=False)
    for through in _many_to_many(models):
        m2m_changed.connect(changed, sender=through, dispatch_uid=f"figures.m2m.{through}")


def _many_to_many(models):
    return [field.remote_field.through for m in models for field in m._meta.local_many_to_many]
