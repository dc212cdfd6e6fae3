"""Import of existing efforts from CSV: every row is checked first, and either all rows are
saved or none. Each bad row is named by its line (the header is line 1) and the reason."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from meetmalmo.accounts.models import Organisation
from meetmalmo.accounts.validators import validate_http_url
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.inventory import related
from meetmalmo.inventory.language import detect_language
from meetmalmo.inventory.models import Effort, EffortStatus

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
    data: bytes, *, dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> ImportResult:
    result = ImportResult()
    rows = _read(data, result)
    if not result.ok:
        return result
    areas = {area.code: area for area in FocusArea.objects.all()}
    checked = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        effort, codes = _check(line, row, areas, seen, result)
        if effort is not None:
            checked.append((effort, codes))
        if progress and line % 5000 == 0:
            progress(line)
    if not result.ok or dry_run:
        result.created, result.updated = _count(checked) if result.ok else (0, 0)
        return result
    with transaction.atomic():
        result.created, result.updated = _save(checked, areas)
    return result


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


def _save(checked, areas) -> tuple[int, int]:
    existing = _existing(checked)
    organisations = {org.name.lower(): org for org in Organisation.objects.all()}
    new, changed = [], []
    for effort, _codes in checked:
        effort.organisation = organisations.get(effort.owner_org.lower())
        key = (effort.title.lower(), effort.owner_org.lower())
        if key in existing:
            effort.pk = existing[key].pk
            effort.internal = existing[key].internal  # staff may have changed it
            changed.append(effort)
        else:
            new.append(effort)
    Effort.objects.bulk_create(new, batch_size=1000)
    fields = ["description", "sphere", "contact_email", "url", "status", "language", "organisation"]
    Effort.objects.bulk_update(changed, fields, batch_size=1000)
    saved = {(e.title.lower(), e.owner_org.lower()): e.pk for e in new + changed}
    if not all(saved.values()):  # databases that do not return ids from bulk inserts
        saved = {k: v.pk for k, v in _existing(checked).items()}
    Through = Effort.focus_areas.through
    Through.objects.filter(effort_id__in=list(saved.values())).delete()
    Through.objects.bulk_create(
        [
            Through(
                effort_id=saved[(e.title.lower(), e.owner_org.lower())], focusarea_id=areas[code].pk
            )
            for e, codes in checked
            for code in codes
        ],
        batch_size=2000,
    )
    related.index_efforts(saved.values())
    return len(new), len(changed)
