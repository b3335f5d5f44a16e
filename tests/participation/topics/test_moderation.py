"""Reports, the moderation queue, hiding with a reason, dismissing, and hiding after 3 reports."""

import pytest
from django.urls import reverse

from participation.topics import services
from participation.topics.models import ModerationCase, TopicComment, TopicReport
from workflows.models import Message, TransitionLog
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporters(make_resident):
    return [make_resident(f"1390000012{i}", f"举报人{i}") for i in range(3)]


def test_report_opens_a_case_in_the_queue(
    client, make_topic, neighbour, coordinator_a, coordinator_b, committed
):
    topic = make_topic("approved")
    client.force_login(neighbour)
    with committed():
        response = client.post(
            reverse("topics:report", args=[topic.pk]), {"reason": "abuse", "details": "骂人"}
        )
    assert response.status_code == 302
    case = ModerationCase.objects.get()
    assert case.state == "submitted" and case.topic == topic
    assert Message.objects.filter(recipient=coordinator_a, kind="topic_moderation_review").exists()
    assert not Message.objects.filter(recipient=coordinator_b).exists()
    # The queue is scoped to the coordinators' own communities.
    client.force_login(coordinator_a)
    assert topic.title in client.get(reverse("moderation_cases:index")).content.decode()
    client.force_login(coordinator_b)
    assert topic.title not in client.get(reverse("moderation_cases:index")).content.decode()
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert client.get(reverse("moderation_cases:inspect", args=[case.pk])).status_code != 200


def test_hide_with_reason_tells_the_author(
    client, make_topic, neighbour, coordinator_a, resident_a, committed
):
    topic = make_topic("approved")
    services.report_item(reporter=neighbour, topic=topic, reason="privacy")
    case = ModerationCase.objects.get()
    client.force_login(coordinator_a)
    with committed():
        response = client.post(
            reverse("moderation_cases:transition", args=[case.pk, "hide"]),
            {"seen_state": "submitted", "comment": "含有他人电话号码"},
        )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.is_hidden and topic.hidden_reason == "含有他人电话号码"
    message = Message.objects.get(recipient=resident_a, kind="topic_moderation")
    assert "含有他人电话号码" in message.body
    assert TransitionLog.objects.filter(transition="hide", comment="含有他人电话号码").count() == 1
    # Gone from public pages; the author still sees it, with the reason.
    client.logout()
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert topic.title not in client.get(reverse("topics:list", args=["wuxing"])).content.decode()
    client.force_login(resident_a)
    assert "含有他人电话号码" in client.get(topic.get_absolute_url()).content.decode()


def test_hiding_needs_a_reason(client, make_topic, neighbour, coordinator_a):
    topic = make_topic("approved")
    services.report_item(reporter=neighbour, topic=topic, reason="spam")
    case = ModerationCase.objects.get()
    client.force_login(coordinator_a)
    response = client.post(
        reverse("moderation_cases:transition", args=[case.pk, "hide"]),
        {"seen_state": "submitted", "comment": ""},
    )
    assert response.status_code == 200 and "comment" in response.context["form"].errors
    topic.refresh_from_db()
    assert not topic.is_hidden


def test_three_reports_hide_until_reviewed_and_dismiss_restores(client, make_topic, reporters, coordinator_a):
    topic = make_topic("approved")
    for reporter in reporters[:2]:
        services.report_item(reporter=reporter, topic=topic, reason="spam")
    topic.refresh_from_db()
    assert not topic.is_hidden
    with pytest.raises(services.TopicActionRefused, match="已举报过"):
        services.report_item(reporter=reporters[0], topic=topic, reason="spam")  # the same person again
    topic.refresh_from_db()
    assert not topic.is_hidden
    services.report_item(reporter=reporters[2], topic=topic, reason="abuse")
    topic.refresh_from_db()
    assert topic.is_hidden
    case = ModerationCase.objects.get()
    assert case.auto_hidden_at is not None and case.reports.count() == 3
    assert client.get(topic.get_absolute_url()).status_code == 404
    # The coordinator finds nothing wrong: the topic is back.
    perform_transition(obj=case, transition="dismiss", actor=coordinator_a)
    topic.refresh_from_db()
    assert not topic.is_hidden
    assert client.get(topic.get_absolute_url()).status_code == 200


def test_hidden_comment_is_absent_and_auto_hidden(client, make_topic, neighbour, reporters, resident_a):
    topic = make_topic("approved")
    comment = services.add_comment(topic=topic, author=neighbour, body="一条广告：便宜装修")
    services.add_comment(topic=topic, author=neighbour, body="正常的评论")
    for reporter in reporters:
        client.force_login(reporter)
        client.post(reverse("topics:report_comment", args=[comment.pk]), {"reason": "spam"})
    comment.refresh_from_db()
    assert comment.is_hidden
    assert TopicReport.objects.count() == 3
    assert Message.objects.filter(recipient=neighbour, kind="topic_moderation").exists()
    client.logout()
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "便宜装修" not in html and "正常的评论" in html


def test_nobody_reports_their_own_or_invisible_items(make_topic, resident_a, neighbour):
    topic = make_topic("approved")
    with pytest.raises(services.TopicActionRefused):
        services.report_item(reporter=resident_a, topic=topic, reason="spam")
    draft = make_topic("draft", title="草稿")
    with pytest.raises(services.TopicActionRefused):
        services.report_item(reporter=neighbour, topic=draft, reason="spam")
    assert not ModerationCase.objects.exists()


def test_coordinator_does_not_judge_their_own_comment(
    make_topic, coordinator_a, second_coordinator_a, neighbour
):
    topic = make_topic("approved")
    comment = TopicComment.objects.create(topic=topic, author=coordinator_a, body="工作人员的评论")
    services.report_item(reporter=neighbour, comment=comment, reason="abuse")
    case = ModerationCase.objects.get()
    assert not case.user_can_review(coordinator_a)
    assert case.user_can_review(second_coordinator_a)
