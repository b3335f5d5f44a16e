"""Contact details only for the staff of the request's community: never on public pages or other exports."""

import pytest
from django.urls import reverse

from participation.help.models import HelpState
from tests.participation.help.conftest import fresh

pytestmark = pytest.mark.django_db

VISITOR_PHONE = "13700000099"


@pytest.fixture
def requests_of_a(make_flow):
    return {
        "public": make_flow(HelpState.RESOLVED, summary="东门路灯修理", is_public=True),
        "private": make_flow(summary="家中水管漏水"),
        "sensitive": make_flow(summary="家庭矛盾调解", is_public=True, is_sensitive=True),
        "visitor": make_flow(
            requester=None, summary="健身器材损坏", is_public=True, visitor_phone=VISITOR_PHONE
        ),
    }


def test_public_list_shows_only_allowed_fields(client, requests_of_a, resident_a):
    page = client.get(reverse("help:list", args=["wuxing"])).content.decode()
    assert "东门路灯修理" in page and "健身器材损坏" in page
    assert "家中水管漏水" not in page and "家庭矛盾调解" not in page
    assert "水电维修" in page and "已办结待确认" in page
    for secret in ("张小明", resident_a.mobile, "孙访客", VISITOR_PHONE, "三楼楼道灯不亮", "已更换灯泡"):
        assert secret not in page
    assert fresh(requests_of_a["sensitive"]).is_public is False  # sensitive wins, in the database too


def test_public_list_is_per_community(client, requests_of_a, community_b):
    page = client.get(reverse("help:list", args=["xinmin"])).content.decode()
    assert "东门路灯修理" not in page


def test_detail_is_for_the_author_only(client, requests_of_a, resident_a2):
    url = reverse("help:detail", args=[requests_of_a["public"].pk])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(resident_a2)
    assert client.get(url).status_code == 404


def test_staff_of_the_community_see_contact_in_admin_and_export(client, requests_of_a, coordinator_a):
    client.force_login(coordinator_a)
    inspect = client.get(
        reverse("help_requests:inspect", args=[requests_of_a["visitor"].pk])
    ).content.decode()
    assert "孙访客" in inspect and VISITOR_PHONE in inspect
    export = client.get(reverse("help_requests:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert VISITOR_PHONE in body


def test_other_communities_and_other_groups_see_nothing(client, requests_of_a, coordinator_b, publicity_a):
    client.force_login(coordinator_b)
    export = client.get(reverse("help_requests:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert VISITOR_PHONE not in body and "健身器材损坏" not in body
    assert client.get(reverse("help_requests:inspect", args=[requests_of_a["visitor"].pk])).status_code in (
        302,
        403,
        404,
    )
    client.force_login(publicity_a)  # staff of the same community, but not a group that handles requests
    for url in (
        reverse("help_requests:index") + "?export=csv",
        reverse("help_requests:inspect", args=[requests_of_a["visitor"].pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert VISITOR_PHONE.encode() not in (response.content if not response.streaming else b"")


def test_residents_cannot_reach_the_admin(client, requests_of_a, resident_a):
    client.force_login(resident_a)
    response = client.get(reverse("help_requests:index") + "?export=csv")
    assert response.status_code == 302 and "login" in response["Location"]


def test_tracking_page_does_not_show_contact(client, requests_of_a):
    page = client.get(f"/help/track/{requests_of_a['visitor'].token}/").content.decode()
    assert VISITOR_PHONE not in page and "健身器材损坏" in page
