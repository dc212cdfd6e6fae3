import pytest

from meetmalmo.search import indexing


@pytest.fixture(autouse=True)
def _indexed_at_once(monkeypatch):
    """A test runs inside one transaction that never commits: changes are indexed as they are
    saved instead (test_indexing.py checks that the portal waits for the commit)."""
    monkeypatch.setattr(indexing, "_later", indexing.index)


@pytest.fixture(autouse=True)
def _swedish():
    """Read outside a request, the search answers in the default language, as a page does."""
    from django.utils import translation

    with translation.override("sv"):
        yield
