"""Markdown written by people, turned into HTML that is safe to show: the HTML is rebuilt from
an allow-list by nh3, so scripts, styles and event attributes never pass."""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4"}
ATTRIBUTES = {"a": {"href", "title"}}


def render(text: str) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"])
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just rebuilt it from the allow-list
