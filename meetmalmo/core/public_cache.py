"""A cache for the public pages as anonymous visitors see them. Publishing anything clears it
(a generation number in every key is moved on), and entries expire after a few minutes so that
changes made elsewhere, such as a project's status, show soon too.

Only what is the same for every visitor is kept: no signed-in person, no pending message, and no
page that carries a CSRF token (a form), since the token belongs to one browser."""

import hashlib
from functools import wraps

from django.core.cache import cache

TIMEOUT = 5 * 60
GENERATION = "public-pages:generation"


def _generation() -> int:
    return cache.get_or_set(GENERATION, 1, None)


def clear() -> None:
    """Called on every publishing change."""
    try:
        cache.incr(GENERATION)
    except ValueError:  # never set, or evicted: the next read starts afresh
        cache.set(GENERATION, 2, None)


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not request.session.get("_messages")
    )


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        # Hashed: an address may be long, and odd characters are no concern of the cache's.
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"public-pages:{_generation()}:{address}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if (
            response.status_code == 200
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.cookies
        ):
            cache.set(key, response, TIMEOUT)
        return response

    return wrapper
