"""Login throttling: 5 failures per mobile or 20 per IP within 15 minutes lock out for 15 minutes, on the
public login and the Wagtail admin login alike. A fixed clock stands in for waiting."""

import pytest
from django.test import Client

from participation import throttling
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "登录失败次数过多，请 15 分钟后再试。"
PUBLIC = "/accounts/login/"
ADMIN = "/admin/login/"


class Clock:
    def __init__(self, start=1_800_000_000.0):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, minutes):
        self.now += minutes * 60


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(throttling, "now", clock)
    return clock


def attempt(url, mobile, password, ip="203.0.113.7"):
    # A fresh client each time: throttling must not depend on the session or cookies.
    return Client(REMOTE_ADDR=ip).post(url, {"username": mobile, "password": password})


def logged_in(response):
    return response.status_code == 302


def refused(response):
    return response.status_code == 200 and LOCKED in response.content.decode()


@pytest.mark.parametrize("url, user_fixture", [(PUBLIC, "resident_a"), (ADMIN, "coordinator_a")])
def test_sixth_attempt_is_refused_even_with_the_right_password(request, clock, url, user_fixture):
    user = request.getfixturevalue(user_fixture)
    for _ in range(5):
        response = attempt(url, user.mobile, "wrong-password")
        assert not logged_in(response) and LOCKED not in response.content.decode()
    response = attempt(url, user.mobile, PASSWORD)
    assert refused(response)
    # ...from another address too: the number is locked, not the address.
    assert refused(attempt(url, user.mobile, PASSWORD, ip="198.51.100.9"))


def test_failures_on_one_login_lock_the_other(clock, coordinator_a):
    for _ in range(5):
        attempt(PUBLIC, coordinator_a.mobile, "wrong-password")
    assert refused(attempt(ADMIN, coordinator_a.mobile, PASSWORD))


def test_full_width_mobile_counts_as_the_same_number(clock, resident_a):
    for _ in range(5):
        attempt(PUBLIC, "１３９ ００００ ０１０１", "wrong-password")
    assert refused(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_login_with_full_width_mobile(clock, resident_a):
    assert logged_in(attempt(PUBLIC, "１３９　００００　０１０１", PASSWORD))


def test_four_failures_still_allow_the_right_password(clock, resident_a):
    for _ in range(4):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_lock_ends_after_15_minutes(clock, resident_a):
    for _ in range(5):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    clock.advance(14)
    assert refused(attempt(PUBLIC, resident_a.mobile, PASSWORD))
    clock.advance(1)
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_failures_spread_over_more_than_15_minutes_do_not_lock(clock, resident_a):
    for _ in range(4):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    clock.advance(16)
    attempt(PUBLIC, resident_a.mobile, "wrong-password")
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_failures_within_a_sliding_window_lock(clock, resident_a):
    # Not a fixed 15-minute bucket: 2 failures late in one quarter hour and 3 early in the next lock.
    attempt(PUBLIC, resident_a.mobile, "wrong-password")
    clock.advance(13)
    for _ in range(2):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    clock.advance(3)
    for _ in range(3):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    assert refused(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_refused_attempts_do_not_extend_the_lock(clock, resident_a):
    for _ in range(5):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    for _ in range(10):
        clock.advance(1)
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    clock.advance(5)
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_other_numbers_from_the_same_ip_are_allowed_until_the_ip_limit(clock, resident_a, resident_b):
    for _ in range(5):
        attempt(PUBLIC, "13911110000", "wrong-password")
    assert refused(attempt(PUBLIC, "13911110000", "wrong-password"))
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))
    # 14 more failures with different numbers: 19 from this address, still below its limit.
    for index in range(14):
        attempt(PUBLIC, f"1392222{index:04d}", "wrong-password")
    assert logged_in(attempt(PUBLIC, resident_b.mobile, PASSWORD))
    attempt(PUBLIC, "13933330000", "wrong-password")  # the 20th
    assert refused(attempt(PUBLIC, resident_b.mobile, PASSWORD))
    assert refused(attempt(ADMIN, resident_a.mobile, PASSWORD))
    # Another address is not affected.
    assert logged_in(attempt(PUBLIC, resident_b.mobile, PASSWORD, ip="198.51.100.9"))


def test_a_successful_login_forgives_earlier_typos(clock, resident_a):
    for _ in range(4):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))
    for _ in range(4):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))


def test_wrong_password_message_is_chinese(resident_a):
    response = attempt(PUBLIC, resident_a.mobile, "wrong-password")
    html = response.content.decode()
    assert "手机号码或密码不正确。" in html and 'role="alert"' in html


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "1.1.1.1", "10.0.0.1"),  # no trusted proxy: the header is the client's word, ignored
        (1, "1.1.1.1, 2.2.2.2", "2.2.2.2"),  # our proxy appended the address it saw
        (2, "1.1.1.1, 2.2.2.2, 3.3.3.3", "2.2.2.2"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert throttling.client_ip(request) == expected


def test_counters_live_in_the_shared_cache_not_in_the_process(clock, resident_a):
    from django.core.cache import cache

    for _ in range(5):
        attempt(PUBLIC, resident_a.mobile, "wrong-password")
    cache.clear()  # what another app server would see with an empty cache: nothing remembered elsewhere
    assert logged_in(attempt(PUBLIC, resident_a.mobile, PASSWORD))
