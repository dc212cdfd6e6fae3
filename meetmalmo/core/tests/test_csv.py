"""The one CSV writer: a header row, formulas made plain text, both dialects."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from meetmalmo.core.csv import (
    INTERNATIONAL,
    SWEDISH,
    csv_response,
    csv_text,
    dialect_for,
    safe_cell,
)


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_a_text_a_spreadsheet_would_run_as_a_formula_is_made_plain_text():
    for text in ("=1+1", "+46 40 34 10 00", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    for harmless in ("Malmö", "a=b", " =1", "", "'=already"):
        assert safe_cell(harmless) == harmless


def test_numbers_are_left_alone_even_when_negative():
    assert safe_cell(-5) == -5
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) is None


def test_the_file_is_a_utf8_download_with_a_header_row():
    response = csv_response(
        "figurer.csv", ["label", "value"], [['=HYPERLINK("x")', -3], ["Åtta, nio", 8]]
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="figurer.csv"'
    assert not response.content.startswith(b"\xef\xbb\xbf")
    assert rows_of(response) == [
        ["label", "value"],
        ['\'=HYPERLINK("x")', "-3"],
        ["Åtta, nio", "8"],
    ]


def test_a_byte_order_mark_can_be_asked_for_excel():
    response = csv_response("staff.csv", ["namn"], [["Åsa"]], bom=True)
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert rows_of(response)[0] == ["\ufeffnamn"]


# Every prefix a spreadsheet would evaluate, alone or after a separator it may split on.
HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]


def test_every_formula_start_is_made_plain_text_in_either_dialect():
    for dialect in (SWEDISH, INTERNATIONAL):
        response = csv_response("x.csv", ["cell"], [[text] for text in HOSTILE], dialect=dialect)
        read = list(csv.reader(io.StringIO(response.content.decode()), delimiter=dialect.separator))
        # A formula after a tab or a line break, where a reader may split, is plain text too.
        made_plain = ["'" + text.replace("\t=", "\t'=").replace("\r=", "\r'=") for text in HOSTILE]
        assert [row[0] for row in read[1:]] == made_plain


@pytest.mark.parametrize("text", ["x;=cmd|' /C calc'!A0", "x,=cmd", "x\t=cmd", "x\n=cmd"])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_a_cell_with_any_separator_stays_one_cell_whatever_the_reader_splits_on(text, separator):
    """A file written for one locale and opened in another must not split `x;=cmd` into a
    cell that starts a formula."""
    for dialect in (SWEDISH, INTERNATIONAL):
        body = "".join(csv_text(["a", "b"], [[text, 1]], dialect))
        read = list(csv.reader(io.StringIO(body), delimiter=separator))
        cells = [cell for row in read for cell in row]
        assert not any(cell.lstrip().startswith(("=", "+", "-", "@")) for cell in cells), cells


def test_the_swedish_dialect_separates_with_semicolons_and_writes_decimal_commas():
    response = csv_response(
        "figurer.csv",
        ["Kvartal", "Andel", "Median", "Summa", "Dag"],
        [["2026 Q1", 40, 21.5, Decimal("38.5"), date(2026, 2, 2)], ["Åtta; nio", -3, None, 0, ""]],
        bom=True,
        dialect=SWEDISH,
    )
    text = response.content.decode("utf-8-sig")
    # A decimal comma is quoted, so a reader splitting on commas keeps the columns.
    assert text.splitlines()[1] == '2026 Q1;40;"21,5";"38,5";2026-02-02'
    read = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert read[2] == ["Åtta; nio", "-3", "", "0", ""]


def test_the_dialect_follows_the_language_of_the_page():
    assert dialect_for("sv") is SWEDISH
    assert dialect_for("en") is INTERNATIONAL


@pytest.mark.parametrize("text", ["x;=cmd", "x, =cmd", "x\t+1", "x\r\n=cmd", "x\n@SUM(A1)"])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_a_cell_in_the_middle_of_a_row_starts_no_formula_whatever_the_reader_splits_on(
    text, separator
):
    """In the middle of a row a reader set to another separator does not see the quotes: the
    part after the split begins a cell, and a line break begins a row."""
    for dialect in (SWEDISH, INTERNATIONAL):
        body = "".join(csv_text(["a", "b", "c"], [["första", text, 1]], dialect))
        read = list(csv.reader(io.StringIO(body, newline=""), delimiter=separator))
        cells = [cell for row in read for cell in row]
        assert not any(cell.lstrip().startswith(("=", "+", "-", "@")) for cell in cells), cells
