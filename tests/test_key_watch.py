"""The page cache knows the content generation without asking Redis each time, yet never keeps an old one: a
change through another connection (another app server), a lost connection or time each make it ask again."""

import time

import pytest
import redis

from renren_cms import key_watch
from renren_cms.key_watch import KeyWatch
from tests.redis_support import REDIS_URL as URL
from tests.redis_support import requires_redis

KEY = "renren-test:generation"
pytestmark = requires_redis


@pytest.fixture
def other_server():
    client = redis.Redis.from_url(URL)
    client.set(KEY, 41)
    yield client
    client.delete(KEY)


def remembered(watch, value):
    known, epoch = watch.known()
    assert known is None and epoch is not None  # nothing known yet: read it, then remember it
    watch.remember(value, epoch)
    return watch.known()[0]


def seen_within(watch, seconds=0.5):
    # Microseconds in practice; waited for on a busy machine, but for less than MAX_TRUST (1 s), after which
    # the value would be dropped anyway and the test could not fail.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.known()[0] is None:
            return True
        time.sleep(0.001)
    return False


def test_a_remembered_value_is_dropped_when_another_server_changes_it(other_server):
    watch = KeyWatch(URL, KEY)
    assert remembered(watch, 41) == 41
    assert watch.known()[0] == 41  # asked again: still known, no change came
    other_server.incr(KEY)
    assert seen_within(watch)


def test_expiry_flush_and_delete_count_as_changes(other_server):
    watch = KeyWatch(URL, KEY)
    remembered(watch, 41)
    other_server.flushdb()
    assert seen_within(watch)


def test_a_value_read_before_a_change_is_not_kept(other_server):
    watch = KeyWatch(URL, KEY)
    _, epoch = watch.known()
    other_server.incr(KEY)  # changes between our read (41) and remembering it
    deadline = time.monotonic() + 0.5
    while watch.known()[1] == epoch and time.monotonic() < deadline:  # the message has come in
        time.sleep(0.001)
    watch.remember(41, epoch)
    assert watch.known()[0] is None


def test_this_process_forgets_its_own_change_at_once(other_server):
    watch = KeyWatch(URL, KEY)
    remembered(watch, 41)
    watch.forget()
    assert watch.known()[0] is None


def test_a_lost_connection_means_trusting_nothing_until_it_is_back(other_server, monkeypatch):
    monkeypatch.setattr(key_watch, "RETRY_AFTER", 0.2)
    watch = KeyWatch(URL, KEY)
    remembered(watch, 41)
    host, port = watch._sock.getsockname()[:2]
    other_server.client_kill_filter(addr=f"{host}:{port}")  # as a Redis restart would
    deadline = time.monotonic() + 1
    while watch.known() != (None, None) and time.monotonic() < deadline:
        time.sleep(0.001)
    assert watch.known() == (None, None)  # no connection: read every time, remember nothing
    time.sleep(0.25)
    assert remembered(watch, 42) == 42  # connected again


def test_trust_is_bounded_in_time(other_server, monkeypatch):
    # A connection that died without a word (a firewall) brings no message: the value is read again anyway.
    watch = KeyWatch(URL, KEY)
    remembered(watch, 41)
    monkeypatch.setattr(key_watch, "MAX_TRUST", 0.05)
    time.sleep(0.06)
    assert watch.known()[0] is None


def test_no_redis_no_trust(monkeypatch):
    watch = KeyWatch("redis://127.0.0.1:1/0", KEY)
    assert watch.known() == (None, None)
    with pytest.raises(ValueError):
        KeyWatch("rediss://127.0.0.1:6380/0", KEY)
