import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from participation.ratelimit import rate_limited

pytestmark = pytest.mark.django_db


@rate_limited("test-form", per_user=2, per_ip=3, window=600)
def submit(request):
    return HttpResponse("已提交")


def post(user=None, ip="10.0.0.1"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().post("/form/", REMOTE_ADDR=ip)
    request.user = user or AnonymousUser()
    return submit(request)


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


def test_user_over_the_limit_gets_the_chinese_page(resident_a):
    assert post(resident_a).status_code == 200
    assert post(resident_a).status_code == 200
    response = post(resident_a)
    assert response.status_code == 429
    assert "请稍后再试" in response.content.decode()


def test_address_limit_applies_to_visitors():
    assert [post(ip="10.0.0.9").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert post(ip="10.0.0.10").status_code == 200


def test_get_is_never_limited(resident_a):
    from django.contrib.auth.models import AnonymousUser

    for _ in range(10):
        request = RequestFactory().get("/form/", REMOTE_ADDR="10.0.0.1")
        request.user = AnonymousUser()
        assert submit(request).status_code == 200


def test_signup_form_is_rate_limited_per_address(client, community_a):
    for _number in range(10):
        client.post("/accounts/signup/", {"mobile": "bad"}, REMOTE_ADDR="10.9.9.9")
    response = client.post("/accounts/signup/", {"mobile": "bad"}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    assert "请稍后再试" in response.content.decode()


def test_visitors_help_requests_are_rate_limited_per_address(client, community_a):
    # A visitor (no account) submitting again and again from one address meets the Chinese page, not the form.
    for _number in range(20):
        client.post("/help/wuxing/new/", {"summary": ""}, REMOTE_ADDR="10.8.8.8")
    response = client.post("/help/wuxing/new/", {"summary": ""}, REMOTE_ADDR="10.8.8.8")
    assert response.status_code == 429
    assert "请稍后再试" in response.content.decode()
    assert (
        client.get("/help/wuxing/new/", REMOTE_ADDR="10.8.8.8").status_code == 200
    )  # reading is never limited


def test_limits_switched_off_for_benchmarks_let_every_submission_through(settings):
    # RATE_LIMITS=off (bench/load_run.py only): one address may submit any number of times.
    settings.RATE_LIMITS_ENABLED = False
    assert {post(ip="10.0.0.11").status_code for _ in range(10)} == {200}
    settings.RATE_LIMITS_ENABLED = True
    assert [post(ip="10.0.0.12").status_code for _ in range(4)] == [200, 200, 200, 429]
