"""Rate limits on public submission forms (topics, requests, claims, sign-ups, surveys …).

`@rate_limited("topic-submit", per_user=10, per_ip=30, window=3600)` on a view counts its POSTs per user and
per client address in Django's cache (shared by every app server in production) and, over the limit, answers
with a Chinese "请稍后再试" page (HTTP 429) without running the view. GETs are never limited.

RATE_LIMITS=off in the environment (settings.RATE_LIMITS_ENABLED) switches them off, for load benchmarks
only; `manage.py check --deploy` warns about it.

The view keeps its limit as `view.rate_limit` (functools.wraps carries it through outer decorators), so tests
can check that every public form has one."""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.shortcuts import render

from participation.throttling import client_ip


@dataclass(frozen=True)
class RateLimit:
    scope: str
    per_user: int
    per_ip: int
    window: int


def user_key(scope: str, user_id) -> str:
    return f"rate:{scope}:user:{user_id}"


def ip_key(scope: str, address: str) -> str:
    return f"rate:{scope}:ip:{address}"


def _hit(key: str, window: int) -> int:
    # add() then incr(): atomic on Redis and on the local-memory cache; the window starts with the first hit.
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def over_limit(request, *, scope: str, per_user: int, per_ip: int, window: int) -> bool:
    """Count this request; True when it goes over a limit."""
    if not limits_enabled():
        return False
    counts = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        counts.append(_hit(user_key(scope, user.pk), window) > per_user)
    address = client_ip(request)
    if address:
        counts.append(_hit(ip_key(scope, address), window) > per_ip)
    return any(counts)


def limits_enabled() -> bool:
    return getattr(settings, "RATE_LIMITS_ENABLED", True)


@checks.register(checks.Tags.security, deploy=True)
def check_rate_limits_on(app_configs, **kwargs):
    if limits_enabled():
        return []
    return [
        checks.Warning(
            "Rate limits on the public forms are off (RATE_LIMITS=off).",
            hint="That setting is for load benchmarks only: unset RATE_LIMITS in production.",
            id="participation.W001",
        )
    ]


def too_many(request, *, window: int):
    """The Chinese "请稍后再试" page, HTTP 429."""
    return render(request, "429.html", {"window_minutes": max(1, window // 60)}, status=429)


def rate_limited(scope: str, *, per_user: int = 10, per_ip: int = 30, window: int = 3600):
    limit = RateLimit(scope=scope, per_user=per_user, per_ip=per_ip, window=window)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and over_limit(
                request, scope=scope, per_user=per_user, per_ip=per_ip, window=window
            ):
                return too_many(request, window=window)
            return view(request, *args, **kwargs)

        wrapper.rate_limit = limit
        return wrapper

    return decorator
