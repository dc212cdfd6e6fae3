"""The summary of a period as a PDF of one or two A4 pages, with the same sections and numbers
as the printable page. Drawn with the PDF standard fonts, which need no font files on the
server; they know the Latin-1 letters (å, ä, ö, é, ü …), and anything else is replaced."""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from meetmalmo.figures.summary import Section

# Typography the standard fonts lack, written the way a typewriter would.
PLAIN = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "…": "...",
        "\u00a0": " ",
    }
)


def plain(text) -> str:
    return str(text).translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def _table(pdf: FPDF, section: Section) -> None:
    width = pdf.epw / len(section.columns)
    pdf.set_font("Helvetica", "B", 10)
    for column in section.columns:
        pdf.cell(width, 7, plain(column), border="B")
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for row in section.rows:
        heights = [pdf.multi_cell(width, 6, plain(c), dry_run=True, output="LINES") for c in row]
        height = 6 * max(len(lines) for lines in heights)
        top, left = pdf.get_y(), pdf.l_margin
        if top + height > pdf.page_break_trigger:
            pdf.add_page()
            top = pdf.get_y()
        for number, cell in enumerate(row):
            pdf.set_xy(left + number * width, top)
            pdf.multi_cell(width, 6, plain(cell))
        pdf.set_y(top + height)
    pdf.ln(2)


def summary_pdf(title: str, period: str, sections: list[Section]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(plain(title))
    pdf.set_creator("Meet Malmö")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, plain(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, plain(period), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    for section in sections:
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 8, plain(section.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 11)
        for paragraph in section.paragraphs:
            pdf.multi_cell(0, 6, plain(paragraph), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if section.columns and section.rows:
            pdf.ln(1)
            _table(pdf, section)
        pdf.ln(3)
    return bytes(pdf.output())
