"""Excel workbooks for download: one sheet with a bold, frozen header row, columns wide enough
for what they hold, numbers as numbers and dates as dates. A text that looks like a formula
stays text."""

import io
import re
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from meetmalmo.core.csv import FORMULA_STARTS

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel allows 31 characters in a sheet's name and none of these.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
WIDEST = 60


def sheet_name(title: str) -> str:
    return SHEET_NAME_FORBIDDEN.sub(" ", str(title)).strip()[:31] or "Sheet"


def _value(value):
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, Decimal):
        # A sum of outcomes: whole numbers stay whole, the rest become Excel's own numbers.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        # Excel knows no time zones: the time in Malmö, as staff read it on the page.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def workbook(title: str, header, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name(title)
    sheet.append([_value(cell) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(cell)) for cell in header]
    for row in rows:
        values = [_value(cell) for cell in row]
        sheet.append(values)
        for column, (cell, value) in enumerate(zip(sheet[sheet.max_row], values, strict=True)):
            if isinstance(value, str):
                # Written as text, never as a formula, and marked so Excel keeps it text when
                # someone edits the cell.
                cell.data_type = "s"
                if value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if column < len(widths):
                widths[column] = max(widths[column], len(str(value)) if value is not None else 0)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, WIDEST)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(filename: str, title: str, header, rows) -> HttpResponse:
    response = HttpResponse(workbook(title, header, rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
