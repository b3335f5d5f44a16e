"""我的 (/me/): login required, the owner's own data only; 下载我的数据 returns only the requester's record."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from participation import services
from participation.account_registry import personal_data_kinds
from participation.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ME = "/me/"
DATA = "/me/data.json"


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.findall(r">([^<]+)<", html))


def english_words(html: str) -> list[str]:
    # What a resident reads must be Chinese: no run of Latin letters except the file format's name.
    return [word for word in re.findall(r"[A-Za-z]{3,}", visible_text(html)) if word not in {"JSON"}]


@pytest.mark.parametrize("url", [ME, DATA])
def test_login_required(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(f"/accounts/login/?next={url}")


def test_my_account_shows_my_own_data(client, resident_a, resident_b, coordinator_a):
    services.verify_resident(resident=resident_a, staff=coordinator_a)
    client.force_login(resident_a)
    html = client.get(ME).content.decode()
    assert "我的资料" in html and "张小明" in html
    assert "13900000101" in html  # in full, to its owner
    assert "五星社区" in html and "已核实居民" in html
    assert "李秀英" not in html and resident_b.mobile not in html
    assert "下载我的数据" in html and DATA in html


def test_unverified_resident_is_told_so(client, resident_a):
    client.force_login(resident_a)
    assert "尚未核实" in client.get(ME).content.decode()


@pytest.mark.parametrize("url", ["/accounts/signup/", "/accounts/login/", ME])
def test_residents_never_meet_english(client, community_a, resident_a, url):
    if url == ME:
        client.force_login(resident_a)
    assert english_words(client.get(url).content.decode()) == []


def test_signup_errors_are_not_english_either(client, community_a):
    response = client.post("/accounts/signup/", {"mobile": "1", "password1": "a", "password2": "b"})
    assert english_words(response.content.decode()) == []


def test_edit_display_name_and_email(client, resident_a):
    client.force_login(resident_a)
    response = client.post(ME, {"display_name": "张明明", "email": "zhang@example.cn"}, follow=True)
    resident_a.refresh_from_db()
    assert (resident_a.display_name, resident_a.email) == ("张明明", "zhang@example.cn")
    assert "您的资料已保存。" in response.content.decode()


def test_mobile_cannot_be_changed_from_my_account(client, resident_a):
    client.force_login(resident_a)
    client.post(ME, {"display_name": "张小明", "email": "", "mobile": "13911112222"})
    resident_a.refresh_from_db()
    assert resident_a.mobile == "13900000101"


def test_bad_email_saves_nothing(client, resident_a):
    client.force_login(resident_a)
    response = client.post(ME, {"display_name": "改名", "email": "not-an-email"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    resident_a.refresh_from_db()
    assert resident_a.display_name == "张小明" and resident_a.email == ""


def test_profile_form_needs_a_csrf_token(resident_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident_a)
    response = client.post(ME, {"display_name": "改名", "email": ""})
    assert response.status_code == 403
    resident_a.refresh_from_db()
    assert resident_a.display_name == "张小明"


def test_login_and_logout_need_a_csrf_token(resident_a):
    client = Client(enforce_csrf_checks=True)
    assert (
        client.post("/accounts/login/", {"username": resident_a.mobile, "password": PASSWORD}).status_code
        == 403
    )
    client.force_login(resident_a)
    assert client.post("/accounts/logout/").status_code == 403
    assert client.get(ME).status_code == 200  # still logged in


def test_data_download_is_my_own_record_only(client, resident_a, resident_b, community_a):
    client.force_login(resident_a)
    response = client.get(DATA)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode("utf-8")
    assert "张小明" in body and "五星社区" in body  # UTF-8 text, not \\u escapes
    data = json.loads(body)
    assert data["mobile"] == "13900000101"
    assert data["display_name"] == "张小明"
    assert data["communities"] == ["五星社区"]
    assert data["verified_at"] is None and data["date_joined"]
    core = {"mobile", "display_name", "email", "communities", "date_joined", "verified_at"}
    # Each app adds its part (participation.account_registry): topics, requests, points, sign-ups, messages...
    assert set(data) == core | {kind.key for kind in personal_data_kinds()}
    assert {
        "topics",
        "help",
        "points",
        "activities",
        "community_life",
        "volunteers",
        "surveys",
        "messages",
    } <= set(data)
    assert resident_b.mobile not in body and "李秀英" not in body
    # Query parameters cannot ask for someone else.
    assert (
        resident_b.mobile
        not in client.get(DATA, {"user": resident_b.pk, "pk": resident_b.pk}).content.decode()
    )


def test_header_links(client, resident_a, community_a):
    html = client.get("/accounts/login/").content.decode()
    assert reverse("signup") in html and "注册" in html
    client.force_login(resident_a)
    html = client.get("/accounts/signup/", follow=True).content.decode()
    assert f'href="{ME}"' in html and "我的" in html
    assert 'href="/accounts/signup/"' not in html


def test_sign_up_then_log_in_with_the_new_account(client, community_a):
    client.post(
        "/accounts/signup/",
        {
            "mobile": "13955556666",
            "display_name": "钱多多",
            "community": community_a[0].pk,
            "password1": "hua-kai-2024-fu",
            "password2": "hua-kai-2024-fu",
            "consent": "on",
        },
    )
    assert client.post("/accounts/logout/").url == "/"
    assert client.get(ME).status_code == 302
    response = Client().post("/accounts/login/", {"username": "139 5555 6666", "password": "hua-kai-2024-fu"})
    assert response.status_code == 302
    assert User.objects.get(mobile="13955556666").display_name == "钱多多"
