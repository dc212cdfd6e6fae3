"""CSV files for download, public and staff alike: one writer, so every file is RFC 4180 with
a header row and safe to open in a spreadsheet."""

import csv

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would take for a formula gets a leading apostrophe, which makes
    it plain text there; numbers are left alone, so -5 stays a number."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename, header, rows, *, bom=False) -> HttpResponse:
    """A download of `rows` under `header`, UTF-8; `bom` marks the encoding for Excel, which
    otherwise reads Swedish letters wrong, at the cost of a byte other programs may show."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if bom:
        response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response
