"""The whole life of a topic through the public site and the admin, with its log and messages."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from participation.topics import services
from participation.topics.models import ConsultationTopic, DeliberationMeeting, MeetingStatus
from workflows.models import Message, TransitionLog

pytestmark = pytest.mark.django_db


def test_resident_raises_a_topic_and_it_goes_all_the_way(
    client, community_a, resident_a, coordinator_a, second_coordinator_a, category, committed
):
    community = community_a[0]
    resident_a.email = "zhang@example.com"
    resident_a.save()

    # 1. The resident saves a draft, then submits it.
    client.force_login(resident_a)
    response = client.post(
        reverse("topics:create", args=[community.slug]),
        {
            "title": "小区东门路灯不亮",
            "description": "晚上很黑。",
            "category": category.pk,
            "action": "draft",
        },
    )
    topic = ConsultationTopic.objects.get()
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    assert topic.state == "draft" and topic.author == resident_a
    with committed():
        response = client.post(reverse("topics:action", args=[topic.pk, "submit"]), follow=True)
    assert "已提交" in response.content.decode()
    topic.refresh_from_db()
    assert topic.state == "submitted"
    # The coordinators were told there is something to review.
    assert Message.objects.filter(recipient=coordinator_a, kind="topic_review").exists()

    # Not public yet.
    client.logout()
    assert client.get(topic.get_absolute_url()).status_code == 404

    # 2. A coordinator approves it in the admin.
    client.force_login(coordinator_a)
    with committed():
        response = client.post(
            reverse("consultation_topics:transition", args=[topic.pk, "approve"]), {"seen_state": "submitted"}
        )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.state == "approved"

    # 3. A meeting puts it on its agenda (scheduled), then decides it; then it is implemented.
    with committed():
        response = client.post(
            reverse("deliberation_meetings:add"),
            {
                "community": community.pk,
                "title": "十一月议事会",
                "starts_at": (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M"),
                "place": "人人议事厅",
                "host": "协调 老陈",
                "status": MeetingStatus.PLANNED,
                "agenda": [topic.pk],
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    meeting = DeliberationMeeting.objects.get()
    topic.refresh_from_db()
    assert topic.state == "scheduled"
    with committed():
        client.post(
            reverse("consultation_topics:transition", args=[topic.pk, "decide"]),
            {"seen_state": "scheduled", "comment": "由物业在两周内修复"},
        )
    topic.refresh_from_db()
    assert (
        topic.state == "decided" and topic.resolution == "由物业在两周内修复" and topic.decided_in == meeting
    )
    with committed():
        client.post(
            reverse("consultation_topics:transition", args=[topic.pk, "implement"]),
            {"seen_state": "decided", "comment": "路灯已更换"},
        )
    topic.refresh_from_db()
    assert topic.state == "implemented"

    # The log has every step, and the author heard of each one (in-site and by email).
    steps = list(TransitionLog.objects.filter(object_id=str(topic.pk)).values_list("transition", flat=True))
    assert steps == ["submit", "approve", "schedule", "decide", "implement"]
    author_messages = Message.objects.filter(recipient=resident_a, kind="topic_review")
    assert author_messages.count() == 4  # everything but their own submission
    assert len([m for m in mail.outbox if "zhang@example.com" in m.to]) == 4

    # 4. The public page shows the decision, the implementation and the timeline.
    client.logout()
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "由物业在两周内修复" in html and "路灯已更换" in html
    assert "已实施" in html or "已落实" in html
    meeting_html = client.get(meeting.get_absolute_url()).content.decode()
    assert "小区东门路灯不亮" in meeting_html and "由物业在两周内修复" in meeting_html


def test_returned_topic_is_edited_and_resubmitted(client, resident_a, coordinator_a, make_topic, category):
    topic = make_topic("submitted")
    services.perform_transition(
        obj=topic, transition="return_for_changes", actor=coordinator_a, comment="请补充位置"
    )
    client.force_login(resident_a)
    my_page = client.get(reverse("my_account")).content.decode()
    assert topic.title in my_page and reverse("topics:edit", args=[topic.pk]) in my_page
    assert "请补充位置" in client.get(topic.get_absolute_url()).content.decode()
    response = client.post(
        reverse("topics:edit", args=[topic.pk]),
        {
            "title": "东门路灯（3号楼旁）不亮",
            "description": "3号楼旁",
            "category": category.pk,
            "action": "submit",
        },
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.state == "submitted" and topic.title == "东门路灯（3号楼旁）不亮"


def test_staff_enters_a_topic_for_a_resident_in_person(
    client, community_a, resident_a, coordinator_a, category
):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("consultation_topics:add"),
        {
            "community": community_a[0].pk,
            "author": resident_a.pk,
            "title": "楼道堆物",
            "description": "5号楼楼道堆满杂物",
            "category": category.pk,
            "submit_now": "on",
        },
    )
    assert response.status_code == 302
    topic = ConsultationTopic.objects.get()
    assert topic.author == resident_a and topic.entered_by == coordinator_a and topic.state == "submitted"
    assert TransitionLog.objects.get().actor == coordinator_a
    # Whoever entered it does not also approve it (four eyes).
    assert not topic.user_can_review(coordinator_a)
    # The resident sees it among their own topics.
    client.force_login(resident_a)
    assert "楼道堆物" in client.get(reverse("topics:mine")).content.decode()
