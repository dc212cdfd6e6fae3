"""The portal's rate limit: how many times one client (an address, an e-mail address) may do one
thing in a fixed window of time. It is counted in the shared cache, so every gunicorn worker and,
with Redis, every server counts together; the API's requests, news comments and accessibility
reports are limited with it.

Each window has its own counter, created by `cache.add` and counted up by `cache.incr`, both
atomic on Redis and in memory. A cache may lose a counter at any moment (evicted under memory
pressure, cleared, restarted): the hit that finds it gone starts it again, so losing it forgets
some hits but never answers with an error."""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.base import BaseCache

# Seconds a counter outlives its window, so that a server whose clock runs a little behind still
# finds it.
GRACE = 5
TRIES = 3


@dataclass(frozen=True)
class Count:
    hits: int  # this one included
    limit: int
    retry_after: int  # seconds until the window ends and counting starts again

    @property
    def exceeded(self) -> bool:
        return self.hits > self.limit


def hit(scope: str, who: str, *, limit: int, window: int, cache: BaseCache | None = None) -> Count:
    """Count one hit by `who` at `scope` in the current window of `window` seconds (windows
    start on the clock: every minute, every hour), and say whether it is over `limit`. Refused
    hits count too, which changes nothing: the window ends when it ends."""
    cache = cache or caches[DEFAULT_CACHE_ALIAS]
    now = time.time()
    start = int(now // window) * window
    # Hashed: a key of any length or alphabet suits every cache, and the cache keeps no e-mail
    # address in clear.
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    key = f"limit:{scope}:{window}:{start}:{digest}"
    remaining = max(1, int(start + window - now))
    return Count(
        hits=_count(cache, key, timeout=remaining + GRACE), limit=limit, retry_after=remaining
    )


def _count(cache: BaseCache, key: str, *, timeout: int) -> int:
    for _attempt in range(TRIES):
        if cache.add(key, 1, timeout):
            return 1
        try:
            hits = cache.incr(key)
        except ValueError:
            continue  # gone between add and incr: add it again
        if type(cache).incr is BaseCache.incr:
            # A cache without its own incr (the file cache) writes the value again with its
            # default expiry; give the counter back the rest of its window.
            cache.touch(key, timeout)
        return hits
    return 1  # a cache that keeps nothing limits nothing, rather than failing the request
