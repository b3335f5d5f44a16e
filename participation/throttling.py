"""Login throttling for every password login (public site and Wagtail admin alike).

Policy: 5 failed attempts for one mobile number, or 20 from one IP address, within 15 minutes lock that
number (or address) out for 15 minutes; attempts during the lock are refused even with the right password.

It sits below both login views: `LoginThrottleBackend` comes first in AUTHENTICATION_BACKENDS and refuses
locked attempts, and the `user_login_failed` signal counts failures. All state is in Django's cache, which
production shares between app servers (Redis), so no counter lives in a process's memory.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from participation.mobile import normalize_mobile

MOBILE_LIMIT = 5
IP_LIMIT = 20
WINDOW_SECONDS = 15 * 60
LOCKOUT_SECONDS = 15 * 60
LOCKED_MESSAGE = _("Too many failed login attempts. Please try again in 15 minutes.")

_KEY_PREFIX = "login-throttle"
# Set on the request by the backend, read by the login forms to show LOCKED_MESSAGE instead of
# "wrong password": authenticate() swallows the PermissionDenied and only returns None.
_REFUSED_ATTR = "_login_throttled"


def now() -> float:
    """The clock of the policy; tests replace it instead of sleeping."""
    return time.time()


def client_ip(request) -> str | None:
    """The client's address. Behind TRUSTED_PROXY_COUNT reverse proxies that append to X-Forwarded-For,
    the address the outermost trusted proxy saw; anything further left is whatever the client sent."""
    if request is None:
        return None
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _mobile_identity(mobile) -> str | None:
    # The same number typed with full-width digits or spaces must hit the same counter.
    if not mobile:
        return None
    try:
        return normalize_mobile(mobile)
    except ValidationError:
        return str(mobile).strip().casefold()[:64]


def _subjects(*, mobile, ip) -> list[tuple[str, int]]:
    """(cache key stem, limit) of each counter an attempt belongs to. Hashed: keys stay short and
    memcached-safe, and the cache holds no phone numbers."""
    subjects = []
    for kind, identity, limit in (("mobile", _mobile_identity(mobile), MOBILE_LIMIT), ("ip", ip, IP_LIMIT)):
        if identity:
            digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
            subjects.append((f"{_KEY_PREFIX}:{kind}:{digest}", limit))
    return subjects


def is_locked(*, mobile=None, ip=None) -> bool:
    locks = cache.get_many([f"{stem}:lock" for stem, _limit in _subjects(mobile=mobile, ip=ip)])
    current = now()
    return any(until > current for until in locks.values())


def record_failure(*, mobile=None, ip=None) -> None:
    """Count one failed attempt; lock when the last `limit` failures all fall within the window.

    Each failure gets a slot numbered by an atomic counter (cache.incr is atomic in Redis), holding its
    time: a true sliding window, without a read-modify-write of a list that two servers could race on.
    """
    if is_locked(mobile=mobile, ip=ip):
        return  # A refused attempt tried no password: it neither counts nor extends the lock.
    current = now()
    for stem, limit in _subjects(mobile=mobile, ip=ip):
        sequence_key = f"{stem}:seq"
        cache.add(sequence_key, 0, timeout=WINDOW_SECONDS)
        try:
            number = cache.incr(sequence_key)
        except ValueError:  # expired between add() and incr()
            cache.set(sequence_key, 1, timeout=WINDOW_SECONDS)
            number = 1
        # Keep the sequence as long as any of its slots may live, so numbers are never reused early.
        cache.touch(sequence_key, WINDOW_SECONDS)
        cache.set(f"{stem}:at:{number}", current, timeout=WINDOW_SECONDS)
        if number < limit:
            continue
        recent = cache.get_many([f"{stem}:at:{n}" for n in range(number - limit + 1, number + 1)])
        if len(recent) == limit and all(at > current - WINDOW_SECONDS for at in recent.values()):
            cache.set(f"{stem}:lock", current + LOCKOUT_SECONDS, timeout=LOCKOUT_SECONDS)


def reset_mobile(*, mobile) -> None:
    """After a successful login the owner's earlier typos are forgiven; the IP counter is not reset, or
    an attacker could clear it by logging in to an account of their own."""
    for stem, _limit in _subjects(mobile=mobile, ip=None):
        cache.delete(f"{stem}:seq")


def was_refused(request) -> bool:
    return bool(getattr(request, _REFUSED_ATTR, False))


class LoginThrottleBackend:
    """First in AUTHENTICATION_BACKENDS: refuses a locked mobile number or IP before any password is
    checked. PermissionDenied makes django.contrib.auth.authenticate() stop without trying the others."""

    def authenticate(self, request, username=None, password=None, **credentials):
        mobile = username or credentials.get(get_user_model().USERNAME_FIELD)
        if is_locked(mobile=mobile, ip=client_ip(request)):
            if request is not None:
                setattr(request, _REFUSED_ATTR, True)
            raise PermissionDenied
        # No user of its own: the password backends decide. (No get_user() either, so that nothing
        # ever picks this backend to restore a session, e.g. the test client's force_login.)
        return None


def on_login_failed(sender, credentials, request=None, **kwargs):
    mobile = credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD)
    record_failure(mobile=mobile, ip=client_ip(request))


def on_logged_in(sender, request, user, **kwargs):
    reset_mobile(mobile=user.get_username())
