"""The public points pages: login where personal, Chinese only, paginated, a bounded number of queries."""

import re
import uuid

import pytest
from django.urls import reverse

from participation.points.models import BehaviourItem, Reward
from participation.points.services import award_points, redeem, submit_claim
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db

PERSONAL = ["/points/claim/", "/points/me/", "/points/me/claims/", "/points/me/redemptions/"]


@pytest.mark.parametrize("url", PERSONAL)
def test_personal_pages_need_a_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def _fill(count, resident, community, operations):
    for number in range(1, count + 1):
        item = BehaviourItem.objects.create(
            community=community, polarity="positive", number=100 + number, text=f"好事{number}", points=2
        )
        made = submit_claim(resident=resident, behaviour=item, description="做了好事")
        perform_transition(obj=made, transition="approve", actor=operations)
        award_points(
            staff=operations, resident=resident, community=community, points=10, reason=f"奖励{number}"
        )
        reward = Reward.objects.create(community=community, name=f"奖品{number}", price=1, stock=3)
        redeem(resident=resident, reward=reward, idempotency_key=uuid.uuid4())


def english_words(html):
    text = " ".join(re.findall(r">([^<]+)<", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)))
    return [word for word in re.findall(r"[A-Za-z]{3,}", text) if word not in {"JPEG", "PNG", "WebP", "JSON"}]


@pytest.mark.parametrize("count", [3, 30])
def test_query_counts_stay_bounded(
    client, django_assert_max_num_queries, count, verified_a, community_a, operations_a
):
    _fill(count, verified_a, community_a[0], operations_a)
    anonymous_pages = ["/points/rewards/wuxing/", "/points/board/wuxing/"]
    for url in anonymous_pages:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    client.force_login(verified_a)
    # 我的 gathers one section per flow (topics, requests, points, clubs …): it has its own, larger budget.
    for url in [*anonymous_pages, *PERSONAL, "/me/"]:
        with django_assert_max_num_queries(25 if url == "/me/" else 12):
            response = client.get(url)
        assert response.status_code == 200, url
        assert not english_words(response.content.decode()), (url, english_words(response.content.decode()))


def test_long_lists_are_paginated(client, verified_a, community_a, operations_a):
    _fill(21, verified_a, community_a[0], operations_a)
    client.force_login(verified_a)
    for url in [
        "/points/me/",
        "/points/me/claims/",
        "/points/me/redemptions/",
        "/points/rewards/wuxing/",
        "/points/board/wuxing/",
    ]:
        page = client.get(url).content.decode()
        assert 'rel="next"' in page, url
    assert "奖励1" in client.get("/points/me/?page=4").content.decode()


def test_my_account_shows_my_points(client, verified_a, community_a, operations_a):
    award_points(
        staff=operations_a, resident=verified_a, community=community_a[0], points=25, reason="义务巡逻"
    )
    client.force_login(verified_a)
    page = client.get(reverse("my_account")).content.decode()
    assert "我的积分" in page and "义务巡逻" in page and "2级 · 热心邻居" in page
    assert "我的申领" in page and "我的兑换" in page
