import csv
import io

from meetmalmo.core.csv import csv_response, safe_cell


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
