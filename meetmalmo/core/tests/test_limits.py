"""The portal's one rate limit: a fixed window counted in the shared cache, which keeps counting
(and never answers with an error) when the cache loses the counter."""

import os
import threading
import uuid
from unittest import mock

import pytest
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from meetmalmo.core import limits

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


class EvictsBeforeIncr(LocMemCache):
    """A cache under memory pressure: the counter is there when `add` looks, and gone by the
    time `incr` comes (once per key, or always)."""

    always = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.evicted = set()

    def incr(self, key, delta=1, version=None):
        if self.always or key not in self.evicted:
            self.evicted.add(key)
            self.delete(key, version=version)
        return super().incr(key, delta, version=version)


class AlwaysEvicts(EvictsBeforeIncr):
    always = True


def locmem(name="limits"):
    return LocMemCache(f"{name}-{uuid.uuid4()}", {})


def test_it_counts_hits_up_to_the_limit_then_says_how_long_to_wait():
    cache = locmem()
    with mock.patch("time.time", return_value=1_000_000_000.0):  # 40 s into a minute
        counts = [limits.hit("test", "a", limit=3, window=60, cache=cache) for _ in range(4)]
    assert [c.hits for c in counts] == [1, 2, 3, 4]
    assert [c.exceeded for c in counts] == [False, False, False, True]
    assert counts[-1].retry_after == 20


def test_each_key_and_each_scope_counts_on_its_own():
    cache = locmem()
    limits.hit("test", "a", limit=1, window=60, cache=cache)
    assert limits.hit("test", "b", limit=1, window=60, cache=cache).hits == 1
    assert limits.hit("other", "a", limit=1, window=60, cache=cache).hits == 1
    assert limits.hit("test", "a", limit=1, window=60, cache=cache).exceeded


def test_a_new_window_starts_from_nothing():
    cache = locmem()
    with mock.patch("time.time", return_value=1_000_000_000.0):
        for _ in range(3):
            limits.hit("test", "a", limit=2, window=60, cache=cache)
    with mock.patch("time.time", return_value=1_000_000_020.0):  # the next minute
        assert limits.hit("test", "a", limit=2, window=60, cache=cache).hits == 1


def test_the_cache_holds_no_address_in_clear():
    cache = locmem()
    limits.hit("comments", "karin@example.se", limit=1, window=60, cache=cache)
    assert not [key for key in cache._cache if "karin" in key]


def test_a_counter_evicted_between_add_and_incr_is_started_again():
    cache = EvictsBeforeIncr(f"evicts-{uuid.uuid4()}", {})
    assert limits.hit("test", "a", limit=5, window=60, cache=cache).hits == 1
    # The counter is there, then gone before incr: this hit starts it again, and counting goes on.
    assert limits.hit("test", "a", limit=5, window=60, cache=cache).hits == 1
    assert limits.hit("test", "a", limit=5, window=60, cache=cache).hits == 2


@pytest.mark.parametrize("cache", [AlwaysEvicts("always", {}), DummyCache("dummy", {})])
def test_a_cache_that_keeps_nothing_limits_nothing_and_raises_nothing(cache):
    for _ in range(5):
        count = limits.hit("test", "a", limit=2, window=60, cache=cache)
        assert (count.hits, count.exceeded) == (1, False)


def test_on_the_file_cache_a_count_lasts_its_whole_window(tmp_path):
    # The file cache's incr writes the value again with the cache's default expiry (here one
    # second); the counter must still last until its window ends.
    cache = FileBasedCache(str(tmp_path), {"TIMEOUT": 1})
    with mock.patch("time.time", return_value=1_000_000_000.0):
        limits.hit("test", "a", limit=5, window=3600, cache=cache)
        limits.hit("test", "a", limit=5, window=3600, cache=cache)
    with mock.patch("time.time", return_value=1_000_000_030.0):  # 30 s later, same hour
        assert limits.hit("test", "a", limit=5, window=3600, cache=cache).hits == 3


def _hammer(cache, threads=8, each=25, limit=150) -> list[limits.Count]:
    counts, lock = [], threading.Lock()

    def work():
        for _ in range(each):
            count = limits.hit("test", "shared", limit=limit, window=3600, cache=cache)
            with lock:
                counts.append(count)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counts


def test_hits_at_the_same_time_are_each_counted_once():
    counts = _hammer(locmem())
    assert sorted(c.hits for c in counts) == list(range(1, 201))
    assert sum(c.exceeded for c in counts) == 50


@pytest.fixture
def redis_cache():
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"meetmalmo-test-limits-{uuid.uuid4()}"})
    try:
        cache.get("ping")
    except Exception as error:  # no server here: nothing to test against
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield cache
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(f"{cache.key_prefix}:*"):
        client.delete(key)


def test_on_redis_hits_from_many_workers_are_each_counted_once(redis_cache):
    counts = _hammer(redis_cache)
    assert sorted(c.hits for c in counts) == list(range(1, 201))
    assert sum(c.exceeded for c in counts) == 50


def test_on_redis_the_counter_expires_with_its_window(redis_cache):
    with mock.patch("time.time", return_value=1_000_000_000.0):
        limits.hit("test", "a", limit=5, window=60, cache=redis_cache)
        limits.hit("test", "a", limit=5, window=60, cache=redis_cache)
    client = redis_cache._cache.get_client(write=True)
    [key] = list(client.scan_iter(f"{redis_cache.key_prefix}:*"))
    assert 0 < client.ttl(key) <= 20 + limits.GRACE


def test_on_redis_an_evicted_counter_is_started_again(redis_cache):
    limits.hit("test", "a", limit=5, window=60, cache=redis_cache)
    original = type(redis_cache).incr

    def evicting_incr(self, key, delta=1, version=None):
        self.delete(key, version=version)
        return original(self, key, delta, version=version)

    with mock.patch.object(type(redis_cache), "incr", evicting_incr):
        assert limits.hit("test", "a", limit=5, window=60, cache=redis_cache).hits == 1
    assert limits.hit("test", "a", limit=5, window=60, cache=redis_cache).hits == 2


EVICTING = {
    "default": {"BACKEND": "meetmalmo.core.tests.test_limits.EvictsBeforeIncr"},
}


@pytest.mark.django_db
@override_settings(CACHES=EVICTING)
def test_a_comment_is_taken_when_its_counter_was_evicted(client):
    from meetmalmo.publishing.models import Comment
    from meetmalmo.publishing.tests.factories import ArticleFactory
    from meetmalmo.publishing.tests.test_comments import good

    ArticleFactory(slug="dagen")
    for _ in range(2):
        assert client.post("/en/news/dagen/comments/", good()).status_code == 302
    assert Comment.objects.count() == 2


@pytest.mark.django_db
@override_settings(CACHES=EVICTING)
def test_an_accessibility_report_is_taken_when_its_counter_was_evicted(client):
    from meetmalmo.accessibility.models import AccessibilityReport
    from meetmalmo.accessibility.tests.test_report_form import good

    for _ in range(2):
        assert client.post("/en/accessibility/", good()).status_code == 302
    assert AccessibilityReport.objects.count() == 2


@pytest.mark.django_db
@override_settings(CACHES=EVICTING, API_RATE_LIMIT=5)
def test_the_api_answers_when_its_counter_was_evicted(client):
    for _ in range(2):
        assert client.get("/api/v1/focus-areas").status_code == 200
