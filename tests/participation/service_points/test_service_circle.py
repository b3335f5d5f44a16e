"""5/10/15分钟便民服务圈: the public directory, grouped by walking time then category, and its admin scoping."""

import pytest

from participation.community_life.models import ServicePoint
from participation.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def point(community_a):
    def make(name, category="supermarket", minutes=5, community=None, **extra):
        return ServicePoint.objects.create(
            community=community or community_a[0],
            name=name,
            category=category,
            walking_minutes=minutes,
            address="五星路1号",
            opening_hours="每天 8:00–20:00",
            **extra,
        )

    return make


def test_grouped_by_walking_time_then_category(client, point):
    point("卫生服务站", "health", 10)
    point("便民超市", "supermarket", 5)
    point("快递驿站", "express", 5)  # 快递 comes after 超市 in the list of categories, whatever the codes
    point("日间照料中心", "elderly_care", 5)
    point("银行网点", "bank", 15)
    content = client.get("/services/wuxing/").content.decode()
    order = [
        "步行5分钟</h2>",
        "<h3>养老</h3>",
        "日间照料中心",
        "<h3>超市</h3>",
        "便民超市",
        "<h3>快递</h3>",
        "快递驿站",
        "步行10分钟</h2>",
        "<h3>卫生</h3>",
        "卫生服务站",
        "步行15分钟</h2>",
        "银行网点",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert "每天 8:00–20:00" in content


def test_filter_by_category_and_only_active_points_of_the_community(client, point, community_b):
    point("便民超市", "supermarket", 5)
    point("快递驿站", "express", 5)
    point("已关闭超市", "supermarket", 10, is_active=False)
    point("村头超市", "supermarket", 5, community=community_b[0])
    content = client.get("/services/wuxing/?category=supermarket").content.decode()
    assert "便民超市" in content
    assert "快递驿站" not in content and "已关闭超市" not in content and "村头超市" not in content
    # An unknown category shows everything rather than failing.
    assert "快递驿站" in client.get("/services/wuxing/?category=nope").content.decode()


def test_the_database_accepts_only_5_10_15_minutes(point):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        point("远处超市", minutes=20)


@pytest.mark.parametrize("count", [3, 30])
def test_paginated_and_within_the_query_budget(client, point, count, django_assert_max_num_queries):
    for number in range(count):
        point(f"服务点{number:02d}", minutes=(5, 10, 15)[number % 3])
    client.cookies["sessionid"] = "not-a-session"
    client.get("/services/wuxing/")
    with django_assert_max_num_queries(12):
        content = client.get("/services/wuxing/").content.decode()
    assert content.count('class="card"') == min(count, 20)
    if count > 20:
        assert "第 1 页，共 2 页" in content or 'rel="next"' in content


def test_coordinators_keep_their_own_communitys_directory_in_the_admin(
    client, point, coordinator_a, make_staff, community_b
):
    own = point("便民超市")
    other = point("村头超市", community=community_b[0])
    client.force_login(coordinator_a)
    listing = client.get("/admin/community_service_points/").content.decode()
    assert "便民超市" in listing and "村头超市" not in listing
    assert client.get(f"/admin/community_service_points/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/community_service_points/edit/{other.pk}/").status_code in (302, 403)
    publicity = make_staff("13800000111", StaffRole.PUBLICITY, own.community, "宣传丙")
    client.force_login(publicity)
    assert client.get("/admin/community_service_points/").status_code in (302, 403)
