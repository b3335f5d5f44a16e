"""Whole-response cache for anonymous visitors' public pages.

Most visitors are anonymous residents reading the same pages on their phones; serving those from the shared
cache (Redis in production) skips the database entirely. Correctness rule: a page is never served stale —
every write to our content bumps one generation number that is part of every key, so the next request after a
change renders afresh on every app server. Over-invalidation is accepted; staleness is not.

A response is stored only when it is safe to share: status 200 to GET, no session cookie on the request, no
cookie set and no CSRF token used by the response (a form with a token is personal), not private."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
EXCLUDED_PREFIXES = ("/admin/", "/accounts/", "/me/", "/api/", "/documents/", "/media/", "/static/", "/messages/")
# Apps whose writes may change what a public page shows.
CONTENT_APPS = {"home", "participation", "evaluation", "workflows", "wagtailcore", "wagtailimages",
                "wagtaildocs", "taggit"}
TIMEOUT = getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_generation(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def content_changed() -> None:
    """Our content changed: pages rendered before are stale. Called for every save and delete in CONTENT_APPS,
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
    if sender._meta.app_label in CONTENT_APPS:
        content_changed()


def connect_invalidation() -> None:
    post_save.connect(_on_content_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_content_change, dispatch_uid="page_cache_post_delete")


def _eligible_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A pending flash message ("提交成功") must reach this visitor, not come from a shared copy.
        and "messages" not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def _key(request) -> str:
    # Hashed: a query string is whatever a visitor typed (10,000 characters, control characters); the key
    # stays short and valid for any cache backend.
    address = f"{request.get_host()}:{request.get_full_path()}".encode()
    return f"page-cache:{hashlib.sha256(address).hexdigest()}"


class AnonymousPageCacheMiddleware:
    """Goes first in MIDDLEWARE: a hit returns before sessions, auth or the database are touched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible_request(request):
            return self.get_response(request)
        # One round trip for the generation and the page: the page is stored with the generation it was rendered
        # in, and is only served while that is still the current one.
        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _, content, headers = stored
            response = HttpResponse(content)
            # Replay the headers the rest of the middleware chain set (X-Frame-Options, CSP …).
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            cache.set(key, (generation, response.content, headers), TIMEOUT)
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
            request._wagtail_site = cached_by_generation(f"wagtail-site:{host}", lambda: _site_for(request, Site))
        return self.get_response(request)
