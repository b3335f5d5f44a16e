"""The production cache backend (Redis, one client per connection pool) stores and shares values like
Django's own; run against the local Redis, as in production."""

import pytest

from renren_cms.cache import ReusingRedisCache
from tests.redis_support import REDIS_URL, requires_redis

pytestmark = requires_redis


@pytest.fixture
def backend():
    cache = ReusingRedisCache(REDIS_URL, {"KEY_PREFIX": "renren-test"})
    cache.clear()
    yield cache
    cache.clear()


def test_values_round_trip_and_another_process_sees_them(backend):
    backend.set("page", (3, b"<html>", [("Content-Type", "text/html")]))
    backend.set("generation", 3, timeout=None)
    other = ReusingRedisCache(REDIS_URL, {"KEY_PREFIX": "renren-test"})  # as another app server would
    assert other.get_many(["generation", "page", "missing"]) == {
        "generation": 3,
        "page": (3, b"<html>", [("Content-Type", "text/html")]),
    }
    assert other.incr("generation") == 4 and backend.get("generation") == 4


def test_one_client_serves_every_call(backend):
    backend.set("a", 1)
    first = backend._cache.get_client("a")
    assert backend._cache.get_client("b", write=True) is first and backend.get("a") == 1
