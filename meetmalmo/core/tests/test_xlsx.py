"""The Excel workbooks: numbers as numbers, dates as dates, a frozen bold header, widths, and
text that looks like a formula kept as text."""

import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from meetmalmo.core.xlsx import CONTENT_TYPE, sheet_name, xlsx_response

HOSTILE = ["=cmd|' /C calc'!A0", "x;=cmd", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]


def opened(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_numbers_stay_numbers_and_dates_stay_dates():
    response = xlsx_response(
        "figurer.xlsx",
        "Beslut per kvartal",
        ["Kvartal", "Andel", "Median", "Summa", "Dag", "Tid", "Tomt"],
        [
            [
                "2026 Q1",
                40,
                21.5,
                Decimal("38.50"),
                date(2026, 2, 2),
                datetime(2026, 2, 2, 9, 30, tzinfo=ZoneInfo("UTC")),
                None,
            ]
        ],
    )
    assert response["Content-Type"] == CONTENT_TYPE
    assert 'filename="figurer.xlsx"' in response["Content-Disposition"]
    sheet = opened(response)
    assert sheet.title == "Beslut per kvartal"
    row = [cell.value for cell in sheet[2]]
    assert row[:4] == ["2026 Q1", 40, 21.5, 38.5]
    assert isinstance(row[1], int) and isinstance(row[3], float)
    assert isinstance(row[4], datetime) and row[4].date() == date(2026, 2, 2)
    assert sheet["E2"].is_date and sheet["E2"].number_format == "yyyy-mm-dd"
    # Malmö's time, as staff read it on the page: 09:30 UTC is 10:30 in February.
    assert row[5] == datetime(2026, 2, 2, 10, 30)
    assert row[6] is None


def test_the_header_is_bold_frozen_and_the_columns_fit():
    sheet = opened(
        xlsx_response("x.xlsx", "T", ["Nr", "Titel"], [[1, "Sommarjobb i besöksnäringen"]])
    )
    assert [cell.value for cell in sheet[1]] == ["Nr", "Titel"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= len("Sommarjobb i besöksnäringen")
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width


def test_text_that_looks_like_a_formula_stays_text():
    sheet = opened(xlsx_response("x.xlsx", "T", ["Text"], [[text] for text in HOSTILE]))
    for number, text in enumerate(HOSTILE, start=2):
        cell = sheet.cell(row=number, column=1)
        assert cell.data_type == "s"
        # XML reads a carriage return as a line break; the text is otherwise as written.
        assert cell.value == text.replace("\r", "\n")
    assert sheet["A2"].quotePrefix


def test_characters_excel_cannot_hold_are_left_out_and_a_sheet_name_is_made_legal():
    sheet = opened(xlsx_response("x.xlsx", "a/b:c", ["T"], [["bell\x07 and null\x00"]]))
    assert sheet["A2"].value == "bell and null"
    assert sheet_name("Decisions [per] quarter: the promise of 21 days?") == (
        "Decisions  per  quarter  the pr"
    )
