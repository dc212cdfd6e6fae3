"""What views share in answering: a selector finds an object or nothing, and the view, not the
selector, decides that nothing is a 404."""

from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.utils.encoding import escape_uri_path, iri_to_uri

T = TypeVar("T")


def found_or_404(found: T | None) -> T:
    """The object a selector found; a page for nothing is a 404, so that a changed id in an
    address tells nobody whether something else is there."""
    if found is None:
        raise Http404
    return found


def page_path(request) -> str:
    """The address of the page asked for, as a path alone, to build links to it from. An
    address asked for as `//evil.example/sv/` (or `/\\evil.example/`, which browsers read
    alike) would otherwise be read as a link to another host."""
    return escape_uri_path("/" + request.path.lstrip("/\\"))


def page_path_with_query(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return page_path(request) + (f"?{iri_to_uri(query)}" if query else "")


def canonical_url(request) -> str:
    """The page's own address in full, on the host the request was allowed for."""
    return request.build_absolute_uri(page_path(request))


def client_address(request) -> str:
    """The visitor's address as the login throttle sees it: behind a reverse proxy, from
    X-Forwarded-For when TRUSTED_PROXY_COUNT says how many proxies to trust."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return ""
