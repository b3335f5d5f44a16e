"""附议 once per verified resident of the community; comments with one level of replies; follow; messages."""

import pytest
from django.urls import reverse

from participation.topics import services
from participation.topics.models import TopicComment, TopicFollow, TopicSupport
from workflows.models import Message

pytestmark = pytest.mark.django_db


def flashed(response):
    from django.contrib.messages import get_messages

    return [str(m) for m in get_messages(response.wsgi_request)]


def test_verified_resident_supports_once(client, make_topic, neighbour):
    topic = make_topic("approved")
    client.force_login(neighbour)
    url = reverse("topics:support", args=[topic.pk])
    first = client.post(url)
    assert "感谢您的附议！" in flashed(first)
    second = client.post(url)  # a double click
    assert "您已附议过此议题。" in flashed(second)
    assert TopicSupport.objects.filter(topic=topic).count() == 1
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "已有 1 位居民附议此议题。" in html and "您已附议此议题。" in html


def test_unverified_resident_is_told_why(client, make_topic, make_resident):
    topic = make_topic("approved")
    unverified = make_resident("13900000109", "赵大")
    client.force_login(unverified)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "只有已核实身份的居民才能附议" in html
    assert reverse("topics:support", args=[topic.pk]) not in html
    response = client.post(reverse("topics:support", args=[topic.pk]))
    assert any("只有已核实身份的居民才能附议" in m for m in flashed(response))
    assert not TopicSupport.objects.exists()


def test_resident_of_another_community_cannot_support(make_topic, resident_b, coordinator_b):
    from participation import services as participation_services

    participation_services.verify_resident(resident=resident_b, staff=coordinator_b)
    topic = make_topic("approved")
    with pytest.raises(services.TopicActionRefused, match="只有五星社区的居民才能附议"):
        services.support_topic(topic=topic, resident=resident_b)


@pytest.mark.parametrize("state", ["draft", "submitted", "decided", "implemented", "rejected"])
def test_only_approved_or_scheduled_topics_are_supported(state, make_topic, neighbour):
    topic = make_topic(state)
    with pytest.raises(services.TopicActionRefused):
        services.support_topic(topic=topic, resident=neighbour)
    assert not TopicSupport.objects.exists()


def test_author_does_not_support_own_topic(make_topic, resident_a, verified):
    topic = make_topic("approved", author=verified(resident_a))
    with pytest.raises(services.TopicActionRefused, match="自己提出"):
        services.support_topic(topic=topic, resident=resident_a)


def test_comment_and_reply_notify_author_and_followers(
    client, make_topic, neighbour, make_resident, verified
):
    topic = make_topic("approved")
    follower = make_resident("13900000110", "钱多")
    client.force_login(follower)
    assert (
        "已关注此议题" in flashed(client.post(reverse("topics:follow", args=[topic.pk]), {"follow": "1"}))[0]
    )
    client.force_login(neighbour)
    response = client.post(reverse("topics:comment", args=[topic.pk]), {"body": "赞成，晚上确实太黑"})
    assert "您的评论已发表。" in flashed(response)
    comment = TopicComment.objects.get()
    assert set(Message.objects.filter(kind="topic_discussion").values_list("recipient", flat=True)) == {
        topic.author_id,
        follower.pk,
    }
    # A reply; a reply to the reply joins the same thread (one level).
    replier = verified(make_resident("13900000111", "孙立"))
    client.force_login(replier)
    client.post(reverse("topics:comment", args=[topic.pk]), {"body": "同意", "parent": comment.pk})
    reply = TopicComment.objects.latest("pk")
    assert reply.parent == comment
    client.post(reverse("topics:comment", args=[topic.pk]), {"body": "再回复", "parent": reply.pk})
    assert TopicComment.objects.latest("pk").parent == comment
    assert Message.objects.filter(
        recipient=neighbour, kind="topic_discussion"
    ).exists()  # their comment got replies
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "赞成，晚上确实太黑" in html and "再回复" in html
    # Unfollow.
    client.force_login(follower)
    client.post(reverse("topics:follow", args=[topic.pk]), {"follow": "0"})
    assert not TopicFollow.objects.exists()


def test_unverified_resident_cannot_comment(client, make_topic, make_resident):
    topic = make_topic("approved")
    client.force_login(make_resident("13900000112", "周一"))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "只有已核实身份的居民才能评论" in html
    client.post(reverse("topics:comment", args=[topic.pk]), {"body": "想说两句"})
    assert not TopicComment.objects.exists()


def test_no_comments_on_unapproved_topics(make_topic, neighbour):
    topic = make_topic("submitted")
    with pytest.raises(services.TopicActionRefused):
        services.add_comment(topic=topic, author=neighbour, body="评论")


def test_anyone_logged_in_may_follow(client, make_topic, coordinator_b):
    topic = make_topic("approved")
    client.force_login(coordinator_b)
    client.post(reverse("topics:follow", args=[topic.pk]), {"follow": "1"})
    assert TopicFollow.objects.filter(user=coordinator_b).exists()
