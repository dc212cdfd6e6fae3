"""Markdown written by people, turned into HTML that is safe to show: the HTML is rebuilt from
an allow-list by nh3, so scripts, styles and event attributes never pass.

Headings are kept at levels 2 and 3: the page's title is its only h1, so a `#` written in the
text becomes an h2 beside `##`, and `####` and deeper become h3, which keeps the outline of the
page whole for screen readers."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
}
ATTRIBUTES = {"a": {"href", "title"}}
HEADING = re.compile(r"<(/?)h([1-6])\b")
# The level each Markdown heading is shown at.
LEVELS = {"1": "2", "2": "2", "3": "3", "4": "3", "5": "3", "6": "3"}


def render(text: str) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"])
    html = HEADING.sub(lambda m: f"<{m[1]}h{LEVELS[m[2]]}", html)
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just rebuilt it from the allow-list
