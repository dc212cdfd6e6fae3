import pytest
from django.http import Http404

from meetmalmo.core.http import found_or_404


def test_what_a_selector_found_is_handed_back():
    found = object()
    assert found_or_404(found) is found


def test_nothing_found_is_a_page_not_found():
    with pytest.raises(Http404):
        found_or_404(None)
