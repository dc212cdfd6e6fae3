"""The site's own pages as the public search reads them: the page's main content as plain text
in one language, without the header, menus and footer that every page shares."""

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.DOTALL)


def how_it_works_text(language: str) -> tuple[str, str]:
    with translation.override(language):
        html = render_to_string("site/how_it_works.html")
        title = gettext("How Meet Malmö works")
    found = MAIN.search(html)
    body = " ".join(strip_tags(found.group(1) if found else html).split())
    return title, body
