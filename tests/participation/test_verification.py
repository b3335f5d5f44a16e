"""居民核实: only the coordination group of the resident's own community (or a superuser) may verify or
unverify a resident, in the service and through the admin; the admin lists only my communities' residents."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from participation import services
from participation.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("13800000999", PASSWORD, display_name="街道管理员")


def verify_url(resident, action="verify"):
    return reverse("residents:verification", args=(resident.pk, action))


@pytest.mark.parametrize(
    "actor, allowed",
    [
        ("coordinator_a", True),
        ("superuser", True),
        ("coordinator_b", False),
        ("publicity_a", False),
        ("resident_a", False),
        ("resident_b", False),
    ],
)
def test_permission_matrix_in_the_service(request, resident_a, actor, allowed):
    staff = request.getfixturevalue(actor)
    if allowed:
        services.verify_resident(resident=resident_a, staff=staff)
        resident_a.refresh_from_db()
        assert resident_a.is_verified and resident_a.verified_by == staff
        services.unverify_resident(resident=resident_a, staff=staff)
        resident_a.refresh_from_db()
        assert not resident_a.is_verified and resident_a.verified_by is None
    else:
        with pytest.raises(PermissionDenied):
            services.verify_resident(resident=resident_a, staff=staff)
        services.verify_resident(resident=resident_a, staff=request.getfixturevalue("coordinator_a"))
        with pytest.raises(PermissionDenied):
            services.unverify_resident(resident=resident_a, staff=staff)
        resident_a.refresh_from_db()
        assert resident_a.is_verified


def test_anonymous_may_not_verify(resident_a):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.verify_resident(resident=resident_a, staff=AnonymousUser())


def test_staff_accounts_are_not_verified_even_by_a_superuser(superuser, coordinator_a):
    with pytest.raises(PermissionDenied):
        services.verify_resident(resident=coordinator_a, staff=superuser)


def test_verifying_twice_keeps_the_first_verification(resident_a, coordinator_a, superuser):
    services.verify_resident(resident=resident_a, staff=coordinator_a)
    first = User.objects.get(pk=resident_a.pk).verified_at
    services.verify_resident(resident=resident_a, staff=superuser)
    resident_a.refresh_from_db()
    assert resident_a.verified_at == first and resident_a.verified_by == coordinator_a


@pytest.mark.parametrize(
    "actor, refused_to",
    [
        ("coordinator_a", None),
        # Wagtail turns PermissionDenied into a redirect to the dashboard with its "no permission" message.
        ("coordinator_b", "/admin/"),
        ("publicity_a", "/admin/"),
        # No admin access at all: Wagtail sends them to its login page.
        ("resident_a", "/admin/login/"),
        (None, "/admin/login/"),
    ],
)
def test_permission_matrix_through_the_admin(client, request, resident_a, actor, refused_to):
    if actor:
        client.force_login(request.getfixturevalue(actor))
    response = client.post(verify_url(resident_a))
    assert response.status_code == 302
    resident_a.refresh_from_db()
    if refused_to is None:
        assert resident_a.is_verified
    else:
        assert not resident_a.is_verified
        assert response.url.split("?")[0] == refused_to


def test_admin_verify_and_unverify_say_so_in_chinese(client, coordinator_a, resident_a):
    client.force_login(coordinator_a)
    response = client.post(verify_url(resident_a), follow=True)
    assert "已核实居民 张小明。" in response.content.decode()
    assert User.objects.get(pk=resident_a.pk).verified_by == coordinator_a
    response = client.post(verify_url(resident_a, "unverify"), follow=True)
    assert "已取消居民 张小明 的核实。" in response.content.decode()
    assert not User.objects.get(pk=resident_a.pk).is_verified


def test_verification_is_post_only(client, coordinator_a, resident_a):
    client.force_login(coordinator_a)
    assert client.get(verify_url(resident_a)).status_code == 405
    resident_a.refresh_from_db()
    assert not resident_a.is_verified


def test_verification_needs_a_csrf_token(coordinator_a, resident_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator_a)
    assert client.post(verify_url(resident_a)).status_code == 403
    resident_a.refresh_from_db()
    assert not resident_a.is_verified


def test_the_button_posts_with_a_csrf_token(coordinator_a, resident_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator_a)
    html = client.get(reverse("residents:index")).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(verify_url(resident_a), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    resident_a.refresh_from_db()
    assert resident_a.is_verified


def test_resident_list_shows_only_my_communities_residents(client, coordinator_a, resident_a, resident_b):
    client.force_login(coordinator_a)
    response = client.get(reverse("residents:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "张小明" in html and resident_a.mobile in html
    assert "李秀英" not in html and resident_b.mobile not in html
    assert "协调甲" not in html  # staff are not listed as residents
    assert "核实" in html


def test_superuser_sees_every_community(client, superuser, resident_a, resident_b):
    client.force_login(superuser)
    html = client.get(reverse("residents:index")).content.decode()
    assert "张小明" in html and "李秀英" in html


def test_filter_verified_and_unverified(client, coordinator_a, resident_a, community_a):
    other = services.create_resident(
        mobile="13900000102", password=PASSWORD, display_name="赵大勇", community=community_a[0]
    )
    services.verify_resident(resident=other, staff=coordinator_a)
    client.force_login(coordinator_a)
    verified = client.get(reverse("residents:index"), {"verified": "yes"}).content.decode()
    unverified = client.get(reverse("residents:index"), {"verified": "no"}).content.decode()
    assert "赵大勇" in verified and "张小明" not in verified
    assert "张小明" in unverified and "赵大勇" not in unverified
    assert "取消核实" in verified


@pytest.mark.parametrize("actor", ["publicity_a", "resident_a"])
def test_others_cannot_open_the_resident_list(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(reverse("residents:index"))
    assert response.status_code in (302, 403)
    assert "张小明" not in response.content.decode()


def test_menu_item_only_for_coordinators(client, coordinator_a, publicity_a):
    client.force_login(coordinator_a)
    assert reverse("residents:index") in client.get("/admin/").content.decode()
    client.force_login(publicity_a)
    assert reverse("residents:index") not in client.get("/admin/").content.decode()
