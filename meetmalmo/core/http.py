"""What views share in answering: a selector finds an object or nothing, and the view, not the
selector, decides that nothing is a 404."""

from typing import TypeVar

from django.http import Http404

T = TypeVar("T")


def found_or_404(found: T | None) -> T:
    """The object a selector found; a page for nothing is a 404, so that a changed id in an
    address tells nobody whether something else is there."""
    if found is None:
        raise Http404
    return found
