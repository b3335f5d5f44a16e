"""Public pages: who sees what, filters, pagination, query counts, the community home page."""

import pytest
from django.urls import reverse

from participation.topics import services
from participation.topics.models import TopicCategory, TopicComment, TopicSupport

pytestmark = pytest.mark.django_db

LIST = reverse("topics:list", args=["wuxing"])


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "rejected", "withdrawn"])
def test_unapproved_topics_only_for_author_and_community_staff(
    client, state, make_topic, resident_a, neighbour, coordinator_a, publicity_a, coordinator_b
):
    topic = make_topic(state, title="还没公开的议题")
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert "还没公开的议题" not in client.get(LIST).content.decode()
    for outsider in (neighbour, coordinator_b):
        client.force_login(outsider)
        assert client.get(topic.get_absolute_url()).status_code == 404
    for insider in (resident_a, coordinator_a, publicity_a):
        client.force_login(insider)
        assert client.get(topic.get_absolute_url()).status_code == 200


def test_list_filters_by_state_and_category(client, make_topic, community_a):
    parking = TopicCategory.objects.get(name="停车管理", community=None)
    make_topic("approved", title="路灯")
    make_topic("decided", title="停车位", category=parking)
    make_topic("submitted", title="未审核")
    html = client.get(LIST).content.decode()
    assert "路灯" in html and "停车位" in html and "未审核" not in html
    html = client.get(LIST, {"state": "decided"}).content.decode()
    assert "停车位" in html and "路灯" not in html
    html = client.get(LIST, {"category": parking.pk}).content.decode()
    assert "停车位" in html and "路灯" not in html
    # Nonsense filters do not break the page.
    assert client.get(LIST, {"state": "<script>", "category": "abc"}).status_code == 200


def test_list_is_paginated(client, make_topic):
    for number in range(25):
        make_topic("approved", title=f"议题{number:02d}")
    first = client.get(LIST).content.decode()
    assert first.count('class="card"') == 20 and "第 1 页，共 2 页" in first
    assert client.get(LIST, {"page": 2}).content.decode().count('class="card"') == 5


def test_unknown_community_is_404(client):
    assert client.get(reverse("topics:list", args=["nowhere"])).status_code == 404


def _populate(make_topic, neighbour, count):
    topics = [make_topic("approved", title=f"议题{number}") for number in range(count)]
    for topic in topics:
        TopicSupport.objects.create(topic=topic, resident=neighbour)
        TopicComment.objects.create(topic=topic, author=neighbour, body="评论")
    return topics


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count(client, django_assert_max_num_queries, make_topic, neighbour, count):
    _populate(make_topic, neighbour, count)
    client.force_login(neighbour)
    with django_assert_max_num_queries(12):
        response = client.get(LIST)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_detail_query_count(
    client, django_assert_max_num_queries, make_topic, neighbour, make_resident, verified, count
):
    topic = make_topic("approved")
    for number in range(count):
        resident = verified(make_resident(f"139000003{number:02d}", f"居民{number}"))
        TopicSupport.objects.create(topic=topic, resident=resident)
        parent = TopicComment.objects.create(topic=topic, author=resident, body=f"评论{number}")
        TopicComment.objects.create(topic=topic, author=neighbour, body="回复", parent=parent)
    client.force_login(neighbour)
    client.get(topic.get_absolute_url())  # content types cached, as on a running server
    with django_assert_max_num_queries(12):
        response = client.get(topic.get_absolute_url())
    assert f"已有 {count} 位居民附议此议题。" in response.content.decode()


def test_my_topics_lists_every_state(client, make_topic, resident_a):
    for state in ("draft", "submitted", "returned", "approved", "rejected", "withdrawn"):
        make_topic(state, title=f"状态{state}")
    client.force_login(resident_a)
    html = client.get(reverse("topics:mine")).content.decode()
    assert all(
        f"状态{state}" in html
        for state in ("draft", "submitted", "returned", "approved", "rejected", "withdrawn")
    )


def test_community_home_links_the_hall_and_shows_open_topics(client, community_a, make_topic):
    make_topic("approved", title="公开征集附议")
    make_topic("draft", title="草稿不显示")
    hidden = make_topic("approved", title="被隐藏的")
    hidden.is_hidden, hidden.hidden_reason = True, "违规"
    hidden.save()
    html = client.get(community_a[1].url).content.decode()
    assert LIST in html and "公开征集附议" in html
    assert "草稿不显示" not in html and "被隐藏的" not in html


def test_pages_are_chinese(client, make_topic, neighbour):
    import re

    from tests.participation.test_my_account import english_words

    topic = make_topic("approved")
    services.add_comment(topic=topic, author=neighbour, body="评论")
    client.force_login(neighbour)
    for url in (
        LIST,
        topic.get_absolute_url(),
        reverse("topics:create", args=["wuxing"]),
        reverse("topics:mine"),
        reverse("topics:meetings", args=["wuxing"]),
        reverse("topics:report", args=[topic.pk]),
        reverse("my_account"),
    ):
        words = [
            w
            for w in english_words(client.get(url).content.decode())
            if not re.fullmatch("iCal|JPEG|PNG|WebP", w)
        ]
        assert words == [], url
