"""Whole-response cache for anonymous visitors' public pages.

Most visitors are anonymous residents reading the same pages on their phones; serving those from the shared
cache (Redis in production) skips the database entirely. Correctness rule: a page is never served stale —
every write to our content bumps one generation number that is part of every key, so the next request after a
change renders afresh on every app server. Over-invalidation is accepted; staleness is not.

A response is stored only when it is safe to share: status 200 to GET, no session cookie on the request, no
cookie set and no CSRF token used by the response (a form with a token is personal), not private.

Where things are: this module holds the rules (which requests, which key, which generation) and the
middleware that stores pages; page_cache_front answers hits before Django; key_watch lets a worker know the
generation without asking Redis each time, so a worker keeps copies of the current generation's pages."""

import functools
import hashlib
import secrets
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.http.cookie import parse_cookie

GENERATION_KEY = "page-cache:generation"
EXCLUDED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/me/",
    "/api/",
    "/documents/",
    "/media/",
    "/static/",
    "/messages/",
)
# Our apps are every installed app whose package is one of these (each flow of participation/ is an app of its
# own; a new one is covered without being listed); their writes, and those of the apps below, may change what
# a public page shows.
OUR_PACKAGES = ("home", "evaluation", "participation", "workflows")
THIRD_PARTY_CONTENT_APPS = frozenset({"wagtailcore", "wagtailimages", "wagtaildocs", "taggit"})


@functools.cache
def content_apps() -> frozenset[str]:
    """The app labels whose saves and deletes bump the generation (computed once the app registry is ready)."""
    from django.apps import apps

    ours = {config.label for config in apps.get_app_configs() if config.name.split(".")[0] in OUR_PACKAGES}
    return frozenset(ours | THIRD_PARTY_CONTENT_APPS)


TIMEOUT = getattr(settings, "PAGE_CACHE_TIMEOUT", 300)
# Set in the WSGI environ by the front when it looked and missed: the middleware need not ask again.
FRONT_LOOKUP = "renren.page_cache_lookup"


# The generation read once per request (see AnonymousPageCacheMiddleware): a page has several cached parts and
# each would otherwise ask Redis for it again. A bump in this request forgets it, so the request's own writes
# are never rendered from older parts.
_request_memo: ContextVar[dict | None] = ContextVar("page_cache_generation", default=None)


def _watch():
    """The shared cache's watch on the generation (renren_cms.key_watch), if it keeps one (Redis)."""
    watch_key = getattr(cache, "watch_key", None)
    return watch_key(GENERATION_KEY) if watch_key is not None else None


def _fetch_generation() -> int:
    watch = _watch()
    known, epoch = watch.known() if watch is not None else (None, None)
    if known is not None:
        return known
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A random start, not 1: after the cache is emptied (a Redis restart), no number any process still
        # remembers from before can come round again and pass an old page for a current one.
        cache.add(GENERATION_KEY, secrets.randbelow(2**62), timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    if epoch is not None:
        watch.remember(generation, epoch)
    return generation


def current_generation() -> int:
    memo = _request_memo.get()
    if memo is None:
        return _fetch_generation()
    if memo["generation"] is None:
        memo["generation"] = _fetch_generation()
    return memo["generation"]


def bump_generation(**kwargs) -> None:
    memo = _request_memo.get()
    if memo is not None:
        memo["generation"] = None
    watch = _watch()
    if watch is not None:
        watch.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, secrets.randbelow(2**62), timeout=None)


def content_changed() -> None:
    """Our content changed: pages rendered before are stale. Called for every save and delete in content_apps(),
    and explicitly by writes that send no signals (bulk_create, bulk_update, queryset.update)."""
    bump_generation()
    # Again once the change is committed: a page rendered in between, from the data before the commit,
    # would otherwise be stored under the new generation and served stale. Once per transaction.
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is bump_generation for _, callback, _ in connection.run_on_commit
    ):
        transaction.on_commit(bump_generation, robust=True)


def _on_content_change(sender, **kwargs):
    if sender._meta.app_label in content_apps():
        content_changed()


def connect_invalidation() -> None:
    post_save.connect(_on_content_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_content_change, dispatch_uid="page_cache_post_delete")


def _scheme(meta) -> str:
    # As HttpRequest.scheme, from the WSGI environ alone, so the WSGI front (page_cache_front) agrees with it.
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        forwarded = meta.get(header)
        if forwarded is not None:
            return "https" if forwarded.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def _host(meta) -> str:
    # Unvalidated on purpose: only a request whose host Django accepted ever stores a page, so a key made from
    # a host Django would refuse never finds one.
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return meta["HTTP_X_FORWARDED_HOST"]
    return meta.get("HTTP_HOST") or f"{meta.get('SERVER_NAME', '')}:{meta.get('SERVER_PORT', '')}"


def eligible(meta) -> bool:
    """May this request (its WSGI environ / request.META) be answered from, or fill, the shared cache?"""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if meta.get("PATH_INFO", "/").startswith(EXCLUDED_PREFIXES):
        return False
    # A plain http request must reach SecurityMiddleware's redirect, never a stored page.
    if settings.SECURE_SSL_REDIRECT and _scheme(meta) != "https":
        return False
    cookie_header = meta.get("HTTP_COOKIE")
    if cookie_header:
        cookies = parse_cookie(cookie_header)
        # A signed-in visitor's pages are personal; a pending flash message ("提交成功") must reach this visitor.
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
    return True


def cache_key(meta) -> str:
    # Hashed: a query string is whatever a visitor typed (10,000 characters, control characters); the key
    # stays short and valid for any cache backend. The scheme is part of it: only https pages carry HSTS.
    address = (
        f"{_scheme(meta)}://{_host(meta)}{meta.get('SCRIPT_NAME', '')}{meta.get('PATH_INFO', '')}"
        f"?{meta.get('QUERY_STRING', '')}"
    )
    return f"page-cache:{hashlib.sha256(address.encode('utf-8', 'surrogateescape')).hexdigest()}"


class _LocalPages:
    """This process's copies of the pages of the current generation: with the generation known without a round
    trip (key_watch), a hit then asks Redis nothing. Bounded, emptied when the generation moves on, and each
    copy expires with the shared one: pages also change with time alone ("sign-up has closed")."""

    MAX_BYTES = 32 * 1024 * 1024

    def __init__(self):
        self._generation, self._pages, self._bytes = None, {}, 0

    def get(self, key, generation):
        stored = self._pages.get(key) if generation == self._generation else None
        if stored is not None and stored[3] <= time.time():
            del self._pages[key]
            self._bytes -= len(stored[1])
            return None
        return stored

    def put(self, key, stored) -> None:
        if stored[0] != self._generation:
            self._generation, self._pages, self._bytes = stored[0], {}, 0
        if self._bytes + len(stored[1]) <= self.MAX_BYTES and key not in self._pages:
            self._pages[key] = stored
            self._bytes += len(stored[1])


_local_pages = _LocalPages()


def lookup(meta):
    """(key, current generation, stored page or None): a page is stored with the generation it was rendered in,
    and is only served while that is still the current one. At most one Redis round trip; none for a page this
    process served before in this generation, when the generation is watched."""
    key = cache_key(meta)
    watch = _watch()
    known, epoch = watch.known() if watch is not None else (None, None)
    if known is not None:
        generation = known
        stored = _local_pages.get(key, generation) or cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        elif epoch is not None:
            watch.remember(generation, epoch)
        stored = found.get(key)
    # Four items: (generation, content, headers, expiry time); a page stored by an older release has three.
    if stored is None or len(stored) != 4 or stored[0] != generation or stored[3] <= time.time():
        return key, generation, None
    if epoch is not None:
        _local_pages.put(key, stored)
    return key, generation, stored


class AnonymousPageCacheMiddleware:
    """First in MIDDLEWARE: it stores a page with the headers every other middleware added (security headers
    included), and a hit returns before sessions, auth or the database are touched. In production the WSGI
    front (page_cache_front) answers hits even earlier; this middleware then only stores what it missed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = {"generation": None}
        token = _request_memo.set(memo)
        try:
            return self._respond(request, memo)
        finally:
            _request_memo.reset(token)

    def _respond(self, request, memo):
        meta = request.META
        # Wagtail's previews pass a made-up request for the page's public URL through the middleware: it must
        # neither be answered with the live page nor leave the unpublished version in the cache.
        if getattr(request, "is_dummy", False) or not eligible(meta):
            return self.get_response(request)
        if FRONT_LOOKUP in meta:
            (key, generation), stored = meta[FRONT_LOOKUP], None
        else:
            key, generation, stored = lookup(meta)
        memo["generation"] = generation
        if stored is not None:
            content, headers = stored[1], stored[2]
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            cache.set(key, (generation, response.content, headers, time.time() + TIMEOUT), TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            and not getattr(request, "_page_cache_skip", False)
        )


def content_generation(request):
    """Context processor: `{% cache 300 "name" page.pk content_generation %}` caches a fragment until the next
    content change. Passed as a function, so a page without such a fragment never asks the cache."""
    if getattr(request, "is_preview", False):
        # A Wagtail preview shows unsaved edits under the live page's pk: its fragments must neither come from
        # the live page's nor be found by it.
        return {"content_generation": f"preview-{uuid.uuid4().hex}"}
    return {"content_generation": current_generation}


def cached_by_generation(key: str, compute, timeout: int = TIMEOUT):
    """compute() once per content generation (and at most `timeout` seconds): for the parts of a page that
    are the same for every visitor, logged in or not. Any save in our apps makes the next call recompute."""
    return cache.get_or_set(f"data-cache:{current_generation()}:{key}", compute, timeout)


def _site_for(request, site_model):
    site = site_model._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - cached on the object, so it is stored with it: no query to route
    return site


class CachedSiteMiddleware:
    """Wagtail looks up the Site for every request that renders a page or a page URL (one query, and a costly
    one to build); the answer only changes when a Site or page changes, which bumps the generation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(EXCLUDED_PREFIXES):
            from wagtail.models import Site

            host = f"{request._get_raw_host()}:{request.get_port()}"
            request._wagtail_site = cached_by_generation(
                f"wagtail-site:{host}", lambda: _site_for(request, Site)
            )
        return self.get_response(request)
