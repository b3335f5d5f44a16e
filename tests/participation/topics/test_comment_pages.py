"""A long discussion is read a page at a time: fifty comments, oldest first, each with its replies; a link to a
comment (a notification) opens the page it is on."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.topics import selectors
from participation.topics.models import TopicComment
from participation.topics.selectors import COMMENTS_PER_PAGE
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion(make_topic, neighbour):
    topic = make_topic(ReviewState.APPROVED)
    start = timezone.now() - timedelta(days=1)
    comments = TopicComment.objects.bulk_create(
        [
            TopicComment(
                topic=topic,
                author=neighbour,
                body=f"第{number}条评论",
                created_at=start + timedelta(minutes=number),
            )
            for number in range(1, 121)
        ]
    )
    TopicComment.objects.create(topic=topic, author=neighbour, body="对第60条的回复", parent=comments[59])
    hidden = comments[60]
    hidden.is_hidden, hidden.hidden_reason = True, "广告"
    hidden.save()
    TopicComment.objects.create(topic=topic, author=neighbour, body="被隐藏评论下的回复", parent=hidden)
    return topic, comments


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_page_shows_the_oldest_fifty_and_offers_the_next(client, discussion):
    topic, _ = discussion
    page = text(client, topic.get_absolute_url())
    assert "第1条评论" in page and f"第{COMMENTS_PER_PAGE}条评论" in page
    assert f"第{COMMENTS_PER_PAGE + 1}条评论" not in page
    assert "较新的评论" in page and "较早的评论" not in page and "评论第 1 页" in page


def test_later_pages_carry_replies_and_leave_hidden_comments_out(client, discussion):
    topic, _ = discussion
    second = text(client, f"{topic.get_absolute_url()}?comments=2")
    assert "第51条评论" in second and "第60条评论" in second and "对第60条的回复" in second
    assert "第61条评论" not in second and "被隐藏评论下的回复" not in second  # hidden, with its replies
    assert "第1条评论" not in second and "较早的评论" in second and "较新的评论" in second
    third = text(client, f"{topic.get_absolute_url()}?comments=3")
    assert "第120条评论" in third and "较新的评论" not in third  # 119 visible: the third page has 19


def test_a_page_past_the_end_or_nonsense_shows_the_first(client, discussion):
    topic, _ = discussion
    for value in ("99", "abc", "-3"):
        assert "第1条评论" in text(client, f"{topic.get_absolute_url()}?comments={value}")


def test_a_link_to_a_comment_opens_its_page(client, discussion):
    topic, comments = discussion
    assert (
        selectors.comment_url(comment=comments[0]) == f"{topic.get_absolute_url()}#comment-{comments[0].pk}"
    )
    reply = TopicComment.objects.get(body="对第60条的回复")
    url = selectors.comment_url(comment=reply)
    assert url == f"{topic.get_absolute_url()}?comments=2#comment-{reply.pk}"
    assert f'id="comment-{reply.pk}"' in text(client, url.split("#")[0])


def test_after_posting_the_resident_lands_on_the_page_with_their_comment(
    client, discussion, resident_a, verified
):
    topic, _ = discussion
    client.force_login(verified(resident_a))
    response = client.post(f"/topics/{topic.pk}/comment/", {"body": "我的新评论"})
    comment = TopicComment.objects.get(body="我的新评论")
    assert response["Location"] == f"{topic.get_absolute_url()}?comments=3#comment-{comment.pk}"
    page = text(client, response["Location"].split("#")[0])
    assert "我的新评论" in page and "您的评论已发表" in page
