"""The admin of the 人人议事厅, scoped to the staff member's communities."""

import pytest
from django.urls import reverse

from participation.topics.models import ConsultationTopic, TopicCategory
from workflows.models import TransitionLog

pytestmark = pytest.mark.django_db


def test_topic_index_is_scoped_and_filterable(
    client, make_topic, coordinator_a, coordinator_b, community_b, category
):
    make_topic("submitted", title="五星的议题")
    make_topic("approved", title="已通过的议题")
    ConsultationTopic.objects.create(community=community_b[0], title="新民村的议题", category=category)
    client.force_login(coordinator_a)
    html = client.get(reverse("consultation_topics:index")).content.decode()
    assert "五星的议题" in html and "已通过的议题" in html and "新民村的议题" not in html
    html = client.get(reverse("consultation_topics:index"), {"state": "approved"}).content.decode()
    assert "已通过的议题" in html and "五星的议题" not in html
    parking = TopicCategory.objects.get(name="停车管理", community=None)
    html = client.get(reverse("consultation_topics:index"), {"category": parking.pk}).content.decode()
    assert "五星的议题" not in html
    client.force_login(coordinator_b)
    assert "五星的议题" not in client.get(reverse("consultation_topics:index")).content.decode()


def test_inspect_shows_buttons_and_timeline(client, make_topic, coordinator_a, resident_a):
    from workflows.services import perform_transition

    topic = make_topic("draft")
    perform_transition(obj=topic, transition="submit", actor=resident_a)
    client.force_login(coordinator_a)
    html = client.get(reverse("consultation_topics:inspect", args=[topic.pk])).content.decode()
    assert reverse("consultation_topics:transition", args=[topic.pk, "approve"]) in html
    assert "办理记录" in html or "时间线" in html or "提交" in html
    assert TransitionLog.objects.count() == 1


def test_review_queue_panel_lists_the_topic(client, make_topic, coordinator_a):
    make_topic("submitted", title="等待审核的议题")
    client.force_login(coordinator_a)
    assert "等待审核的议题" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_coordinator_keeps_own_categories_only(client, coordinator_a, community_a, community_b):
    TopicCategory.objects.create(name="村里的类别", community=community_b[0])
    client.force_login(coordinator_a)
    response = client.post(
        reverse("topic_categories:add"),
        {"name": "全街道类别", "community": "", "sort_order": 5, "is_active": "on"},
    )
    assert response.status_code == 200 and "community" in response.context["form"].errors
    response = client.post(
        reverse("topic_categories:add"),
        {"name": "电梯加装", "community": community_b[0].pk, "sort_order": 5, "is_active": "on"},
    )
    assert response.status_code == 200 and not TopicCategory.objects.filter(name="电梯加装").exists()
    response = client.post(
        reverse("topic_categories:add"),
        {"name": "电梯加装", "community": community_a[0].pk, "sort_order": 5, "is_active": "on"},
    )
    assert response.status_code == 302
    assert TopicCategory.objects.get(name="电梯加装").community == community_a[0]
    html = client.get(reverse("topic_categories:index")).content.decode()
    assert "电梯加装" in html and "村里的类别" not in html


def test_other_groups_have_no_topic_admin(client, publicity_a, operations_a, make_topic):
    topic = make_topic("submitted")
    for staff in (publicity_a, operations_a):
        client.force_login(staff)
        assert client.get(reverse("consultation_topics:inspect", args=[topic.pk])).status_code != 200
        assert client.get(reverse("consultation_topics:add")).status_code != 200


def test_staff_edit_changes_only_the_category(client, make_topic, coordinator_a):
    topic = make_topic("submitted")
    parking = TopicCategory.objects.get(name="停车管理", community=None)
    client.force_login(coordinator_a)
    response = client.post(
        reverse("consultation_topics:edit", args=[topic.pk]),
        {"category": parking.pk, "title": "被改掉的标题"},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.category == parking and topic.title == "小区东门路灯不亮"


def test_moderation_case_and_meeting_pages_render(client, make_topic, neighbour, coordinator_a, community_a):
    import datetime

    from django.utils import timezone

    from participation.topics import services
    from participation.topics.models import DeliberationMeeting, ModerationCase

    topic = make_topic("approved", title="被举报的议题")
    services.report_item(reporter=neighbour, topic=topic, reason="spam", details="广告")
    case = ModerationCase.objects.get()
    meeting = DeliberationMeeting.objects.create(
        community=community_a[0],
        title="议事会",
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="议事厅",
        host="老陈",
    )
    services.set_agenda(meeting=meeting, topics=[topic], actor=coordinator_a)
    client.force_login(coordinator_a)
    html = client.get(reverse("moderation_cases:inspect", args=[case.pk])).content.decode()
    assert "被举报的议题" in html and "广告或垃圾信息：广告" in html
    assert reverse("moderation_cases:transition", args=[case.pk, "hide"]) in html
    html = client.get(reverse("deliberation_meetings:inspect", args=[meeting.pk])).content.decode()
    assert (
        "被举报的议题" in html
        and reverse("consultation_topics:transition", args=[topic.pk, "decide"]) in html
    )
    assert client.get(reverse("moderation_cases:index")).status_code == 200
    assert client.get(reverse("deliberation_meetings:index")).status_code == 200
