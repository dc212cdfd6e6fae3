"""Bar charts drawn on the server as SVG: no script, readable in print and in both languages.
Each label sits above its bar, so long names in either language never collide."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 640
BAR_SPACE = 540  # the rest of the width holds the number after the longest bar
ROW = 46
BAR = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    label_y: int
    bar_y: int
    width: float
    value_x: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    width: int
    description: str


def _shown(value) -> str:
    return number_format(value, decimal_pos=None, use_l10n=True, force_grouping=True)


def bar_chart(table) -> Chart:
    """Bars for the first column's labels with the second column's numbers."""
    pairs = [(str(row[0]), row[1] or 0) for row in table.rows]
    highest = max((value for _label, value in pairs), default=0) or 1
    bars = []
    for n, (label, value) in enumerate(pairs):
        width = BAR_SPACE * float(value) / float(highest)
        top = n * ROW
        bars.append(Bar(label, _shown(value), top + 16, top + 22, round(width, 1), width + 8))
    listed = "; ".join(f"{label}: {_shown(value)}" for label, value in pairs)
    description = _("Bar chart of %(what)s. %(values)s.") % {
        "what": table.columns[1].lower(),
        "values": listed,
    }
    return Chart(bars, max(ROW * len(pairs), ROW), WIDTH, description)
