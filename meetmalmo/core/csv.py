"""CSV files for download, public and staff alike: one writer, so every file is RFC 4180 with
a header row and safe to open in a spreadsheet, whichever separator the spreadsheet expects."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); the
# full-width forms are what an East Asian input method types, and some spreadsheets read them
# as the plain ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# A formula start after a mark some reader splits cells or rows on, and any spaces after it.
AFTER_A_SPLIT = re.compile(r"([,;\t\r\n]\s*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])")

# A cell holding any of these is quoted whatever the file's own separator: a spreadsheet set to
# another separator would otherwise split it, and the part after the split (`x;=cmd`) would
# start a new cell, which can be a formula.
QUOTE_WHEN = (",", ";", "\t", "\r", "\n", '"')


@dataclass(frozen=True)
class Dialect:
    """How numbers and cells are written: the default for programs, `SWEDISH` for Excel set to
    Swedish, which splits on semicolons and reads decimal commas."""

    separator: str = ","
    decimal: str = "."


SWEDISH = Dialect(separator=";", decimal=",")
INTERNATIONAL = Dialect()


def dialect_for(language: str) -> Dialect:
    """The staff's CSV files follow the language of the page they come from."""
    return SWEDISH if language == "sv" else INTERNATIONAL


def safe_cell(value):
    """Text that a spreadsheet would take for a formula gets a leading apostrophe, which makes
    it plain text there; numbers are left alone, so -5 stays a number. So does every part of a
    text that would start a cell where a spreadsheet splits it: a quoted cell is one cell to a
    reader set to the file's separator, but a reader set to another, or one that ends a row at
    every line break, splits `Hotell, =cmd` or `x` + line break + `=cmd` in the middle of a
    row, where its quotes mean nothing."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    value = AFTER_A_SPLIT.sub(r"\1'", value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text(value, dialect: Dialect) -> str:
    value = safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | Decimal):
        number = str(value).replace(".", dialect.decimal)
        # A decimal comma is quoted too: read on commas, the file keeps its columns.
        return f'"{number}"' if any(mark in number for mark in QUOTE_WHEN) else number
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    if any(mark in text for mark in QUOTE_WHEN):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(header, rows, dialect: Dialect = INTERNATIONAL):
    """The lines of the file, each ending in CRLF as RFC 4180 has it."""
    for row in [header, *rows]:
        yield dialect.separator.join(_text(cell, dialect) for cell in row) + "\r\n"


def csv_response(filename, header, rows, *, bom=False, dialect=INTERNATIONAL) -> HttpResponse:
    """A download of `rows` under `header`, UTF-8; `bom` marks the encoding for Excel, which
    otherwise reads Swedish letters wrong, at the cost of a byte other programs may show."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if bom:
        response.write("\ufeff")
    for line in csv_text(header, rows, dialect):
        response.write(line)
    return response
