"""Staff admin: user management with our user model, and the 积分清单 scoped to the staff's community."""

import pytest
from django.urls import reverse

from participation.models import User
from participation.points.models import BehaviourItem, BehaviourPolarity
from participation.roles import StaffRole
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("13800009999", PASSWORD, display_name="管理员")


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


def item(community, number, text):
    return BehaviourItem.objects.create(
        community=community, polarity=BehaviourPolarity.POSITIVE, number=number, text=text, points=3
    )


def test_superuser_creates_staff_user_with_mobile_login(client, superuser, community_a):
    client.force_login(superuser)
    url = reverse("wagtailusers_users:add")
    assert "手机号码" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "mobile": "１３７ ００００ ００１１",
            "display_name": "新同事",
            "email": "",
            "communities": [community_a[0].pk],
            "password1": "Renren-2024-strong",
            "password2": "Renren-2024-strong",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(mobile="13700000011")
    assert list(user.communities.all()) == [community_a[0]]


def test_operations_group_sees_only_its_communitys_items(client, operations_a, community_a, community_b):
    item(community_a[0], 1, "甲社区条目")
    other = item(community_b[0], 1, "乙社区条目")
    client.force_login(operations_a)
    listing = client.get(reverse("wagtailsnippets_points_behaviouritem:list")).content.decode()
    assert "甲社区条目" in listing and "乙社区条目" not in listing
    edit = client.get(reverse("wagtailsnippets_points_behaviouritem:edit", args=(other.pk,)))
    assert edit.status_code in (302, 403)
    delete = client.post(reverse("wagtailsnippets_points_behaviouritem:delete", args=(other.pk,)))
    assert delete.status_code in (302, 403)
    assert BehaviourItem.objects.filter(pk=other.pk).exists()


def test_operations_group_cannot_add_items_to_another_community(client, operations_a, community_b):
    client.force_login(operations_a)
    response = client.post(
        reverse("wagtailsnippets_points_behaviouritem:add"),
        {
            "community": community_b[0].pk,
            "polarity": "positive",
            "number": 5,
            "category": "",
            "text": "越权条目",
            "points": 2,
            "is_active": "on",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not BehaviourItem.objects.filter(text="越权条目").exists()


def test_publicity_group_cannot_change_the_points_catalogue(client, publicity_a, community_a):
    target = item(community_a[0], 2, "条目")
    client.force_login(publicity_a)
    response = client.get(reverse("wagtailsnippets_points_behaviouritem:edit", args=(target.pk,)))
    assert response.status_code in (302, 403)


def test_coordinator_dashboard_lists_pages_awaiting_review(client, publicity_a, coordinator_a, community_a):
    from home.models import NewsIndexPage, NewsPage

    _, home = community_a
    index = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))
    page = index.add_child(instance=NewsPage(title="待审核的新闻", slug="pending", live=False))
    revision = page.save_revision(user=publicity_a)
    page.get_workflow().start(page, publicity_a)
    assert revision
    client.force_login(coordinator_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待审核的新闻" in html
