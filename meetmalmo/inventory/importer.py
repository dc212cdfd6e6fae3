"""Import of existing efforts from CSV: every row is checked first, and either all rows are
saved or none. Each bad row is named by its line (the header is line 1) and the reason.

The rows are written in batches, each its own short transaction, so that a large file never
holds the database for long (on SQLite one writer at a time: a sign-in waits for at most one
batch). New efforts stay hidden from every page while their batches go in, and changes to
existing efforts wait in a staging table; one last short transaction makes them all appear at
once. If anything fails before that, the staged rows are deleted and the register is as it was.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.accounts.models import Organisation
from meetmalmo.accounts.validators import validate_http_url
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.inventory import related
from meetmalmo.inventory.language import detect_language
from meetmalmo.inventory.models import (
    Effort,
    EffortImport,
    EffortStatus,
    StagedFocusArea,
    StagedUpdate,
)

COLUMNS = [
    "title",
    "description",
    "owner_org",
    "sphere",
    "contact_email",
    "url",
    "focus_areas",
    "status",
]
LIMITED = ["description", "owner_org", "contact_email", "url"]  # the title has its own message
MAX_ROWS = 100_000
MAX_BYTES = 50 * 1024 * 1024
BATCH = 1000  # rows per write transaction: a few tens of milliseconds on SQLite
ERRORS_KEPT = 1000  # bad lines kept for the page; the count says how many there were


@dataclass
class LineError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_efforts(
    data: bytes,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    run: EffortImport | None = None,
) -> ImportResult:
    """Check every row of `data`, then save them all (unless `dry_run`) or, with any bad row,
    none. `run` is the import the rows are saved under; one is created when not given."""
    result = ImportResult()
    rows = _read(data, result)
    if not result.ok:
        return result
    areas = {area.code: area for area in FocusArea.objects.all()}
    checked = []
    seen: dict[tuple[str, str], int] = {}
    for number, (line, row) in enumerate(rows, start=1):
        effort, codes = _check(line, row, areas, seen, result)
        if effort is not None:
            checked.append((effort, codes))
        if progress and number % 5000 == 0:
            progress(number)
    if not result.ok or dry_run:
        result.created, result.updated = _count(checked) if result.ok else (0, 0)
        return result
    if run is None:
        run = EffortImport.objects.create(state=EffortImport.State.SAVING, rows=len(checked))
    result.created, result.updated = _save(checked, areas, run)
    return result


def run_import(run: EffortImport, *, progress: Callable[[int], None] | None = None) -> EffortImport:
    """Check and save the file of `run`, keeping its progress and result on it; the task
    worker and the command both import this way. Starting again after a lost worker first
    removes what the earlier attempt staged."""
    discard(run)
    data = run.file.open("rb").read() if run.file else b""
    run.file.close()
    # Until the file is read, its lines stand for its rows (the header is one of them).
    rows = max(1, data.count(b"\n") - 1)
    _mark(run, state=EffortImport.State.CHECKING, rows=rows, rows_checked=0, rows_saved=0)

    def checked(number):
        _mark(run, rows_checked=number)
        if progress:
            progress(number)

    try:
        result = import_efforts(data, dry_run=run.dry_run, progress=checked, run=run)
    except Exception:
        discard(run)
        _mark(
            run,
            state=EffortImport.State.FAILED,
            error_count=1,
            errors=[[0, _("the import stopped on an unexpected error; nothing was saved.")]],
            finished_at=timezone.now(),
        )
        raise
    _mark(
        run,
        state=EffortImport.State.DONE if result.ok else EffortImport.State.FAILED,
        rows_checked=run.rows,
        rows_saved=run.rows if result.ok and not run.dry_run else 0,
        created=result.created,
        updated=result.updated,
        error_count=len(result.errors),
        errors=[[error.line, error.reason] for error in result.errors[:ERRORS_KEPT]],
        finished_at=timezone.now(),
    )
    return run


def discard(run: EffortImport) -> None:
    """Remove what an unfinished attempt of `run` staged (its hidden efforts cascade)."""
    for model in (StagedFocusArea, StagedUpdate):
        model.objects.filter(run=run).delete()
    while ids := list(
        Effort.with_pending.filter(pending_import=run).values_list("pk", flat=True)[:BATCH]
    ):
        Effort.with_pending.filter(pk__in=ids).delete()


def _mark(run: EffortImport, **fields) -> None:
    """Write the progress at once, in its own tiny transaction, for the page that polls it."""
    for name, value in fields.items():
        setattr(run, name, value)
    EffortImport.objects.filter(pk=run.pk).update(**fields)


def _read(data: bytes, result: ImportResult) -> list[tuple[int, dict]]:
    def fail(reason):
        result.errors.append(LineError(1, reason))
        return []

    if not data.strip():
        return fail(_("the file is empty."))
    if len(data) > MAX_BYTES:
        return fail(_("the file is larger than 50 MB."))
    if b"\x00" in data[:4096]:
        return fail(_("this is not a CSV text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return fail(_("the file is not UTF-8 text; save it from Excel as “CSV UTF-8”."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [column.strip().lower() for column in next(reader)]
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing or unknown:
        reasons = []
        if missing:
            reasons.append(_("missing column(s): %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            reasons.append(_("unknown column(s): %(names)s") % {"names": ", ".join(unknown)})
        return fail("; ".join(reasons) + ".")
    rows = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                result.errors.append(
                    LineError(
                        line,
                        _("expected %(expected)d values, found %(found)d.")
                        % {"expected": len(header), "found": len(values)},
                    )
                )
                continue
            rows.append((line, dict(zip(header, (v.strip() for v in values), strict=True))))
            if len(rows) > MAX_ROWS:
                return fail(_("more than %(max)d rows; split the file.") % {"max": MAX_ROWS})
    except csv.Error as error:
        result.errors.append(
            LineError(reader.line_num, _("not valid CSV (%(error)s).") % {"error": error})
        )
    if not rows and result.ok:
        return fail(_("the file has a header but no rows."))
    return rows


def _check(line, row, areas, seen, result):
    reasons = []
    if not row["title"]:
        reasons.append(_("the title is empty"))
    elif len(row["title"]) > 200:
        reasons.append(_("the title is longer than 200 characters"))
    if not row["description"]:
        reasons.append(_("the description is empty"))
    if not row["owner_org"]:
        reasons.append(_("owner_org is empty"))
    # The register's limits, checked here so that a long value is named with its line rather
    # than cut short (SQLite) or failing the whole upload (PostgreSQL).
    for column in LIMITED:
        limit = Effort._meta.get_field(column).max_length
        if len(row[column]) > limit:
            reasons.append(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": column, "limit": limit}
            )
    if any("\x00" in value for value in row.values()):
        reasons.append(_("a value contains a NUL character, which text cannot hold"))
    if row["sphere"] not in Sphere.values:
        reasons.append(
            _("sphere “%(value)s” is not one of %(allowed)s")
            % {"value": row["sphere"], "allowed": ", ".join(Sphere.values)}
        )
    if row["status"] not in EffortStatus.values:
        reasons.append(
            _("status “%(value)s” is not one of %(allowed)s")
            % {"value": row["status"], "allowed": ", ".join(EffortStatus.values)}
        )
    if row["contact_email"]:
        try:
            validate_email(row["contact_email"])
        except ValidationError:
            reasons.append(
                _("contact_email “%(value)s” is not an e-mail address")
                % {"value": row["contact_email"]}
            )
    if row["url"]:
        try:
            validate_http_url(row["url"])
        except ValidationError:
            reasons.append(
                _("url “%(value)s” does not start with http:// or https://") % {"value": row["url"]}
            )
    codes = [code.strip() for code in row["focus_areas"].split(";") if code.strip()]
    unknown = [code for code in codes if code not in areas]
    if unknown:
        reasons.append(_("unknown focus area(s): %(codes)s") % {"codes": ", ".join(unknown)})
    key = (row["title"].lower(), row["owner_org"].lower())
    if key in seen and row["title"]:
        reasons.append(_("the same title and owner as line %(line)d") % {"line": seen[key]})
    seen.setdefault(key, line)
    if reasons:
        result.errors.append(LineError(line, "; ".join(reasons) + "."))
        return None, None
    effort = Effort(
        title=row["title"],
        description=row["description"],
        owner_org=row["owner_org"],
        sphere=row["sphere"],
        internal=row["sphere"] == Sphere.CITY,
        contact_email=row["contact_email"],
        url=row["url"],
        status=row["status"],
        language=detect_language(f"{row['title']} {row['description']}"),
    )
    return effort, codes


def _existing(checked) -> dict[tuple[str, str], Effort]:
    """Efforts already in the register with the same title and owner (case-insensitive, as the
    unique constraint), looked up in chunks so that large files stay within query limits."""
    titles = sorted({effort.title.lower() for effort, _codes in checked})
    found = {}
    for start in range(0, len(titles), 1000):
        chunk = titles[start : start + 1000]
        for effort in Effort.objects.annotate(lower_title=Lower("title")).filter(
            lower_title__in=chunk
        ):
            found[(effort.title.lower(), effort.owner_org.lower())] = effort
    return found


def _count(checked) -> tuple[int, int]:
    existing = _existing(checked)
    updated = sum((e.title.lower(), e.owner_org.lower()) in existing for e, _c in checked)
    return len(checked) - updated, updated


def _batches(items):
    for start in range(0, len(items), BATCH):
        yield start, items[start : start + BATCH]


def _save(checked, areas, run: EffortImport) -> tuple[int, int]:
    existing = _existing(checked)
    organisations = {org.name.lower(): org for org in Organisation.objects.all()}
    new, changed = [], []
    for effort, codes in checked:
        effort.organisation = organisations.get(effort.owner_org.lower())
        key = (effort.title.lower(), effort.owner_org.lower())
        if key in existing:
            effort.pk = existing[key].pk
            changed.append((effort, codes))
        else:
            effort.pending_import = run
            new.append((effort, codes))
    _mark(
        run,
        state=EffortImport.State.SAVING,
        rows=len(checked),
        rows_checked=len(checked),
        rows_saved=0,
    )
    try:
        _stage_new(new, areas, run)
        _stage_changed(changed, areas, run, done=len(new))
        with transaction.atomic():
            _swap(run, bool(changed))
    except BaseException:
        discard(run)
        raise
    ids = [effort.pk for effort, _codes in new + changed]
    related.index_efforts(ids)
    return len(new), len(changed)


def _stage_new(new, areas, run) -> None:
    Through = Effort.focus_areas.through
    for start, batch in _batches(new):
        with transaction.atomic():
            efforts = [effort for effort, _codes in batch]
            Effort.with_pending.bulk_create(efforts)
            if not all(effort.pk for effort in efforts):  # no ids returned from bulk inserts
                _fill_ids(efforts, run)
            Through.objects.bulk_create(
                Through(effort_id=effort.pk, focusarea_id=areas[code].pk)
                for effort, codes in batch
                for code in codes
            )
        _mark(run, rows_saved=start + len(batch))


def _fill_ids(efforts, run) -> None:
    found = {
        (title, owner): pk
        for pk, title, owner in Effort.with_pending.filter(pending_import=run)
        .annotate(lower_title=Lower("title"), lower_owner=Lower("owner_org"))
        .values_list("pk", "lower_title", "lower_owner")
    }
    for effort in efforts:
        effort.pk = found[(effort.title.lower(), effort.owner_org.lower())]


def _stage_changed(changed, areas, run, *, done: int) -> None:
    for start, batch in _batches(changed):
        with transaction.atomic():
            StagedUpdate.objects.bulk_create(
                StagedUpdate(
                    run=run,
                    effort_id=effort.pk,
                    description=effort.description,
                    sphere=effort.sphere,
                    contact_email=effort.contact_email,
                    url=effort.url,
                    status=effort.status,
                    language=effort.language,
                    organisation=effort.organisation,
                )
                for effort, _codes in batch
            )
            StagedFocusArea.objects.bulk_create(
                StagedFocusArea(run=run, effort_id=effort.pk, focusarea_id=areas[code].pk)
                for effort, codes in batch
                for code in codes
            )
        _mark(run, rows_saved=done + start + len(batch))


# Staff may have changed whether an effort is inside the City; an import keeps their choice.
UPDATED_FIELDS = ["description", "sphere", "contact_email", "url", "status", "language"]


def _swap(run, changed: bool) -> None:
    """Make the import's rows the register's, in a handful of statements."""
    Effort.with_pending.filter(pending_import=run).update(pending_import=None)
    if not changed:
        return
    staged = StagedUpdate.objects.filter(run=run, effort=OuterRef("pk"))
    values = {name: Subquery(staged.values(name)[:1]) for name in UPDATED_FIELDS}
    values["organisation"] = Subquery(staged.values("organisation")[:1])
    values["updated_at"] = timezone.now()
    targets = StagedUpdate.objects.filter(run=run).values("effort")
    Effort.objects.filter(pk__in=targets).update(**values)
    Through = Effort.focus_areas.through
    Through.objects.filter(effort_id__in=targets).delete()
    with connection.cursor() as cursor:
        # One statement however many rows; the table names are the models' own, the value a
        # parameter.
        cursor.execute(
            f"INSERT INTO {Through._meta.db_table} (effort_id, focusarea_id) "  # noqa: S608
            f"SELECT effort_id, focusarea_id FROM {StagedFocusArea._meta.db_table} "
            "WHERE run_id = %s",
            [run.pk],
        )
    StagedFocusArea.objects.filter(run=run).delete()
    StagedUpdate.objects.filter(run=run).delete()
