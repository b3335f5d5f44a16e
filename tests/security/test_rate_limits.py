"""Every public form residents and visitors send is rate limited (participation.ratelimit): over its limit, per
user or per address, the Chinese "请稍后再试" page (429) and nothing saved; just under it, the form works.

Each case below is one form, ready to be sent once with data the view accepts, and a snapshot of what sending
it changes. The counters are set straight in the cache (at the limit, then one below it) instead of sending the
form dozens of times; test_repeated_sending… sends one for real."""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import resolve, reverse

from participation.community_life.models import Club
from participation.ratelimit import ip_key, user_key
from tests.security.public_forms import CASES, CLUB_DATA, VISITOR_CASES

pytestmark = pytest.mark.django_db
ADDRESS = "10.20.30.40"


# --- the tests --------------------------------------------------------------------------------------------

PARAMS = [
    (name, counter) for name in CASES for counter in (("ip",) if name in VISITOR_CASES else ("user", "ip"))
]


def _limit(form):
    return resolve(urlsplit(form.url).path).func.rate_limit


def _set_counter(form, counter, value):
    limit = _limit(form)
    key = user_key(limit.scope, form.user.pk) if counter == "user" else ip_key(limit.scope, ADDRESS)
    cache.set(key, value, timeout=limit.window)
    return limit.per_user if counter == "user" else limit.per_ip


@pytest.mark.parametrize("name, counter", PARAMS)
def test_over_the_limit_is_refused_and_saves_nothing_under_it_works(name, counter, request, client):
    form = CASES[name](request.getfixturevalue)
    if form.user is not None:
        client.force_login(form.user)
    before = form.snapshot()
    limit = _set_counter(form, counter, _limit(form).per_user if counter == "user" else _limit(form).per_ip)
    response = client.post(form.url, form.data, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 429
    assert "请稍后再试" in response.content.decode()
    assert form.snapshot() == before

    cache.clear()
    _set_counter(form, counter, limit - 1)  # the last one allowed
    response = client.post(form.url, form.data, REMOTE_ADDR=ADDRESS)
    assert response.status_code in (200, 302)
    assert form.snapshot() != before, "the form sent under its limit should have changed something"
    assert client.post(form.url, form.data, REMOTE_ADDR=ADDRESS).status_code == 429


def test_limits_are_per_user_and_address(request, client):
    """One resident over the limit does not stop a neighbour on another address."""
    form = CASES["topic_support"](request.getfixturevalue)
    client.force_login(form.user)
    _set_counter(form, "user", _limit(form).per_user)
    assert client.post(form.url, REMOTE_ADDR=ADDRESS).status_code == 429
    client.force_login(request.getfixturevalue("resident_b"))
    assert client.post(form.url, REMOTE_ADDR="10.99.0.1").status_code != 429


def test_repeated_sending_meets_the_limit(client, verified_a):
    """The real thing, once: a resident proposes clubs until the 6th in an hour is refused."""
    client.force_login(verified_a)
    url = reverse("clubs:propose", args=["wuxing"])
    statuses = [client.post(url, {**CLUB_DATA, "name": f"社团{n}"}).status_code for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert Club.objects.filter(author=verified_a).count() == 5


def test_votes_get_larger_limits_than_forms():
    support = resolve(reverse("topics:support", args=[1])).func.rate_limit
    comment = resolve(reverse("topics:comment", args=[1])).func.rate_limit
    propose = resolve(reverse("clubs:propose", args=["x"])).func.rate_limit
    assert support.per_user > comment.per_user > propose.per_user


def test_guessing_tracking_links_meets_the_limit(client, resolved_request):
    """Wrong /help/track/<token>/ links: 404 for a few typos, then 429; the right link still works."""
    request = resolved_request(None)
    statuses = [client.get(f"/help/track/wrong-{n}/", REMOTE_ADDR=ADDRESS).status_code for n in range(31)]
    assert statuses == [404] * 30 + [429]
    response = client.get("/help/track/wrong-x/confirm/", REMOTE_ADDR=ADDRESS)
    assert response.status_code == 405  # the action URL answers POST only
    response = client.post("/help/track/wrong-x/confirm/", {"rating": "5"}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 429 and "请稍后再试" in response.content.decode()
    assert client.get(reverse("help:track", args=[request.token]), REMOTE_ADDR=ADDRESS).status_code == 200


# Every public URL that takes a POST from residents or visitors has a limit; the others are read-only (or the
# staff's check-in link). A new public view must be added to one list or the other.
LIMITED = {
    "signup",
    "my_account",
    "activities:sign_up",
    "activities:cancel",
    "evaluation:survey_satisfaction",
    "evaluation:survey_awareness",
    "spaces:book",
    "spaces:cancel",
    "clubs:propose",
    "clubs:edit",
    "clubs:withdraw",
    "clubs:join",
    "clubs:leave",
    "volunteering:register",
    "volunteering:my_hours",
    "points:claim",
    "points:claim_detail",
    "points:claim_withdraw",
    "points:redeem",
    "topics:create",
    "topics:edit",
    "topics:action",
    "topics:support",
    "topics:follow",
    "topics:comment",
    "topics:report",
    "topics:report_comment",
    "help:new",
    "help:act",
    "help:track_act",
}
NOT_LIMITED = {
    "login",  # failed logins are throttled by participation.throttling
    "logout",
    "my_data",
    "activities:event_ics",
    "activities:signup_detail",
    "activities:check_in_link",
    "activities:calendar",
    "evaluation:community",
    "evaluation:indicators_json",
    "spaces:detail",
    "spaces:list",
    "clubs:detail",
    "clubs:list",
    "services:circle",
    "points:my_points",
    "points:my_claims",
    "points:my_redemptions",
    "points:rewards",
    "points:board",
    "topics:mine",
    "topics:detail",
    "topics:list",
    "topics:meetings",
    "topics:meeting_detail",
    "topics:meeting_calendar",
    "help:track",
    "help:detail",
    "help:list",
}


def _public_views() -> dict:
    from evaluation import urls as evaluation_urls
    from participation import urls as participation_urls

    views = {}

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                views[f"{namespace}:{pattern.name}" if namespace else pattern.name] = pattern.callback

    walk(participation_urls.urlpatterns)
    walk(evaluation_urls.urlpatterns, "evaluation")
    return views


def test_every_public_form_has_a_limit():
    views = _public_views()
    assert set(views) == LIMITED | NOT_LIMITED, "classify the new public view in LIMITED or NOT_LIMITED"
    assert [name for name in sorted(LIMITED) if not hasattr(views[name], "rate_limit")] == []
