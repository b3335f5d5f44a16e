"""The WSGI front answers cache hits before Django, with exactly the page and headers Django stored, and
never for a request Django would answer differently."""

import time

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory

from home.models import NewsIndexPage, NewsPage
from renren_cms import page_cache
from renren_cms.page_cache_front import PageCacheFront
from tests.redis_support import REDIS_URL as URL
from tests.redis_support import requires_redis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def news_index(community_a):
    _, home = community_a
    index = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))
    index.add_child(instance=NewsPage(title="第一条新闻", slug="first"))
    return index


class Answer:
    def __init__(self, application, environ):
        self.status, self.headers = None, {}

        def start_response(status, headers, exc_info=None):
            self.status, self.headers = status, dict(headers)

        result = application(environ, start_response)
        self.body = b"".join(result)
        getattr(result, "close", lambda: None)()


def environ(path, method="GET", **extra):
    return getattr(RequestFactory(), method.lower())(path, **extra).environ


@pytest.fixture
def connection_kept():
    # As Django's test client does: the test's transaction must outlive each request (a real server closes
    # its connection after a request; inside the test's transaction, on PostgreSQL, that is the test's own).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def front(connection_kept):
    return PageCacheFront(get_wsgi_application())


def test_the_second_visit_is_answered_by_the_front_with_the_stored_headers(front, news_index):
    first = Answer(front, environ("/wuxing/news/"))
    assert first.headers["X-Page-Cache"] == "miss"
    second = Answer(front, environ("/wuxing/news/"))
    assert second.status == "200 OK" and second.headers["X-Page-Cache"] == "hit"
    assert second.body == first.body and "第一条新闻" in second.body.decode()
    # Security headers come from middleware the front skips: they were stored with the page.
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Content-Type"):
        assert second.headers[header] == first.headers[header]


def test_a_change_is_seen_through_the_front_at_once(front, news_index):
    Answer(front, environ("/wuxing/news/"))
    assert Answer(front, environ("/wuxing/news/")).headers["X-Page-Cache"] == "hit"
    news_index.add_child(instance=NewsPage(title="刚发布的新闻", slug="fresh"))
    fresh = Answer(front, environ("/wuxing/news/"))
    assert fresh.headers["X-Page-Cache"] == "miss" and "刚发布的新闻" in fresh.body.decode()


def test_head_gets_the_headers_without_the_body(front, news_index):
    Answer(front, environ("/wuxing/news/"))
    head = Answer(front, environ("/wuxing/news/", method="HEAD"))
    assert head.headers["X-Page-Cache"] == "hit" and head.body == b""


def test_a_signed_in_visitor_or_a_pending_message_is_never_served_a_shared_page(
    front, news_index, resident_a, client
):
    Answer(front, environ("/wuxing/news/"))
    client.force_login(resident_a)
    session = client.cookies["sessionid"].value
    signed_in = Answer(front, environ("/wuxing/news/", HTTP_COOKIE=f"other=1; sessionid={session}"))
    assert "X-Page-Cache" not in signed_in.headers and "张小明" in signed_in.body.decode()
    with_message = Answer(front, environ("/wuxing/news/", HTTP_COOKIE="messages=pending"))
    assert "X-Page-Cache" not in with_message.headers


def test_plain_http_reaches_the_https_redirect_not_a_stored_page(news_index, settings, connection_kept):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    front = PageCacheFront(get_wsgi_application())  # SecurityMiddleware reads the settings when it is built
    Answer(front, environ("/wuxing/news/", HTTP_X_FORWARDED_PROTO="https"))
    assert (
        Answer(front, environ("/wuxing/news/", HTTP_X_FORWARDED_PROTO="https")).headers["X-Page-Cache"]
        == "hit"
    )
    plain = Answer(front, environ("/wuxing/news/"))
    assert plain.status.startswith("301") and plain.headers["Location"].startswith("https://")


def test_a_host_django_refuses_never_gets_a_page(front, news_index):
    Answer(front, environ("/wuxing/news/"))
    refused = Answer(front, environ("/wuxing/news/", HTTP_HOST="evil.example"))
    assert refused.status.startswith("400") and "X-Page-Cache" not in refused.headers


def test_a_cache_outage_at_the_front_leaves_the_page_to_django(front, news_index, monkeypatch):
    real_lookup, calls = page_cache.lookup, []

    def down_once(
        meta,
    ):  # the front's lookup fails; Django's own handling of the request is as without the front
        calls.append(meta["PATH_INFO"])
        if len(calls) == 1:
            raise ConnectionError("redis is down")
        return real_lookup(meta)

    monkeypatch.setattr(page_cache, "lookup", down_once)
    answer = Answer(front, environ("/wuxing/news/"))
    assert answer.status == "200 OK" and "第一条新闻" in answer.body.decode() and len(calls) == 2


@pytest.fixture
def redis_cache(settings):
    """Production's cache: Redis, with the generation watched and pages copied into this process."""
    settings.CACHES = {
        "default": {
            "BACKEND": "renren_cms.cache.ReusingRedisCache",
            "LOCATION": URL,
            "KEY_PREFIX": "renren-front-test",
        }
    }
    cache.clear()
    yield
    cache.clear()


@requires_redis
def test_with_redis_a_change_by_another_app_server_is_seen_at_once(front, news_index, redis_cache):
    # Another app server's change reaches this one only through Redis: a write here that sends no signal, and
    # its bump.
    import redis

    Answer(front, environ("/wuxing/news/"))
    for _ in range(3):
        assert Answer(front, environ("/wuxing/news/")).headers["X-Page-Cache"] == "hit"
    NewsPage.objects.filter(slug="first").update(title="另一台服务器改过的新闻")
    redis.Redis.from_url(URL).incr(cache.make_key(page_cache.GENERATION_KEY))
    # Redis's message reaches this process within microseconds (less than any visit from one server to another);
    # on a busy test machine it is waited for, but for less than the one second a watched value is trusted.
    watch = cache.watch_key(page_cache.GENERATION_KEY)
    deadline = time.monotonic() + 0.5
    while watch.known()[0] is not None and time.monotonic() < deadline:
        time.sleep(0.001)
    fresh = Answer(front, environ("/wuxing/news/"))
    assert fresh.headers["X-Page-Cache"] == "miss" and "另一台服务器改过的新闻" in fresh.body.decode()


@requires_redis
def test_with_redis_a_page_copied_into_the_process_expires_like_the_shared_one(
    front, news_index, redis_cache, monkeypatch
):
    # Pages change with time alone too (an activity's sign-up closes): no copy outlives the cache's timeout.
    Answer(front, environ("/wuxing/news/"))
    assert Answer(front, environ("/wuxing/news/")).headers["X-Page-Cache"] == "hit"
    later = time.time() + page_cache.TIMEOUT + 1
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    assert Answer(front, environ("/wuxing/news/")).headers["X-Page-Cache"] == "miss"
