"""The site's own pages that the search finds beside what is published (how Meet Malmö works):
registered by the app that owns them, since that app stands above this one. Their text changes
only with a new version of the portal, so each is analysed once per language and process."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from meetmalmo.search.indexing import TITLE_WEIGHT, weights


@dataclass(frozen=True)
class StaticPage:
    url_name: str
    # (title, plain text) of the page in a language
    read: Callable[[str], tuple[str, str]]


PAGES: list[StaticPage] = []


def register(page: StaticPage) -> None:
    if page not in PAGES:
        PAGES.append(page)


@cache
def analysed(page: StaticPage, language: str) -> tuple[str, str, dict[str, float], frozenset]:
    """The page's title, text, weighted stems and title stems in one language."""
    title, body = page.read(language)
    found, titled = weights({language: [(title, TITLE_WEIGHT), (body, 1)]})
    return title, body, found, frozenset(titled)
