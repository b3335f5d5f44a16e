"""议事会: agenda (approved topics of the same community only), decisions, public pages, the iCal feed, and
the data the monthly-meeting indicator needs."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.topics import ical, selectors, services
from participation.topics.models import AgendaItem, DeliberationMeeting, MeetingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_meeting(community_a):
    def make(*, starts_at=None, community=None, **fields):
        fields.setdefault("title", "五星社区议事会")
        fields.setdefault("place", "人人议事厅")
        fields.setdefault("host", "老陈")
        return DeliberationMeeting.objects.create(
            community=community or community_a[0], starts_at=starts_at or timezone.now(), **fields
        )

    return make


def test_agenda_schedules_and_unschedules(make_meeting, make_topic, coordinator_a):
    meeting = make_meeting()
    first, second = make_topic("approved", title="一"), make_topic("approved", title="二")
    services.set_agenda(meeting=meeting, topics=[first, second], actor=coordinator_a)
    first.refresh_from_db(), second.refresh_from_db()
    assert first.state == second.state == "scheduled"
    services.set_agenda(meeting=meeting, topics=[second], actor=coordinator_a)
    first.refresh_from_db()
    assert first.state == "approved" and list(meeting.topics.all()) == [second]


def test_agenda_takes_only_approved_topics_of_the_same_community(
    client, make_meeting, make_topic, coordinator_a, coordinator_b, community_b, category
):
    from participation.topics.models import ConsultationTopic

    meeting = make_meeting()
    draft = make_topic("submitted", title="未通过")
    with pytest.raises(services.TopicActionRefused):
        services.set_agenda(meeting=meeting, topics=[draft], actor=coordinator_a)
    foreign = ConsultationTopic.objects.create(
        community=community_b[0],
        title="村里的议题",
        category=category,
        state="approved",
        submitted_at=timezone.now(),
    )
    with pytest.raises(services.TopicActionRefused):
        services.set_agenda(meeting=meeting, topics=[foreign], actor=coordinator_a)
    assert not AgendaItem.objects.exists()
    # Another community's coordinator cannot run this meeting.
    with pytest.raises(services.TopicActionRefused):
        services.set_agenda(meeting=meeting, topics=[], actor=coordinator_b)
    # The admin form offers only the coordinator's own community's approved topics.
    approved = make_topic("approved", title="可以上会")
    client.force_login(coordinator_a)
    html = client.get(reverse("deliberation_meetings:edit", args=[meeting.pk])).content.decode()
    assert "可以上会" in html and "村里的议题" not in html and "未通过" not in html
    client.force_login(coordinator_b)
    assert client.get(reverse("deliberation_meetings:edit", args=[meeting.pk])).status_code != 200
    assert approved.state == "approved"


def test_decision_on_the_meeting(make_meeting, make_topic, coordinator_a):
    meeting = make_meeting(status=MeetingStatus.HELD, attendees_count=32)
    topic = make_topic("approved")
    services.set_agenda(meeting=meeting, topics=[topic], actor=coordinator_a)
    topic = services.decide_topic(
        meeting=meeting, topic=topic, resolution="同意加装路灯", actor=coordinator_a
    )
    assert topic.state == "decided" and topic.resolution == "同意加装路灯" and topic.decided_in == meeting


def test_a_held_meeting_needs_attendance_in_the_admin(client, coordinator_a, community_a):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("deliberation_meetings:add"),
        {
            "community": community_a[0].pk,
            "title": "议事会",
            "starts_at": "2020-01-10 19:00",
            "place": "议事厅",
            "host": "老陈",
            "status": "held",
        },
    )
    assert response.status_code == 200 and "attendees_count" in response.context["form"].errors
    assert not DeliberationMeeting.objects.exists()


def test_public_meeting_pages(client, make_meeting, make_topic, coordinator_a):
    meeting = make_meeting(minutes="会议纪要：<script>x</script>")
    topic = make_topic("approved", title="路灯")
    services.set_agenda(meeting=meeting, topics=[topic], actor=coordinator_a)
    html = client.get(reverse("topics:meetings", args=["wuxing"])).content.decode()
    assert meeting.title in html and reverse("topics:meeting_calendar", args=["wuxing"]) in html
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "路灯" in html and "&lt;script&gt;" in html and "<script>x" not in html
    assert client.get(reverse("topics:meeting_detail", args=["xinmin", meeting.pk])).status_code == 404


def test_the_meeting_page_shows_its_agenda_twenty_topics_a_page(client, make_meeting, make_topic):
    meeting = make_meeting()
    topics = [make_topic("approved", title=f"议题{n:02d}") for n in range(21)]
    AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=meeting, topic=topic, position=n) for n, topic in enumerate(topics)]
    )
    first = client.get(meeting.get_absolute_url()).content.decode()
    assert "议题00" in first and "议题19" in first and "议题20" not in first and "第 1 页，共 2 页" in first
    second = client.get(meeting.get_absolute_url(), {"page": 2}).content.decode()
    assert "议题20" in second and "议题19" not in second and '<ol start="21">' in second


def test_held_meeting_months_for_the_indicator(make_meeting, community_a):
    now = timezone.make_aware(datetime.datetime(2025, 6, 15, 12, 0))
    for month in (1, 3, 6):
        make_meeting(
            starts_at=timezone.make_aware(datetime.datetime(2025, month, 10, 19, 0)),
            status=MeetingStatus.HELD,
            attendees_count=20,
        )
    make_meeting(
        starts_at=timezone.make_aware(datetime.datetime(2025, 4, 10, 19)), status=MeetingStatus.CANCELLED
    )
    make_meeting(
        starts_at=timezone.make_aware(datetime.datetime(2024, 5, 10, 19)),
        status=MeetingStatus.HELD,
        attendees_count=10,
    )  # more than 12 months ago
    months = selectors.held_meeting_months(community=community_a[0], now=now)
    assert months == [(2025, 1), (2025, 3), (2025, 6)]
    assert len(selectors.last_twelve_months(now=now)) == 12


# --- iCal ---------------------------------------------------------------------------------------------


def test_ical_feed_is_valid_rfc5545(client, make_meeting, make_topic, coordinator_a):
    starts = timezone.make_aware(datetime.datetime(2030, 3, 1, 19, 30))  # Asia/Shanghai
    meeting = make_meeting(
        starts_at=starts, title="三月议事会; 停车, 路灯\\改造", place="人人议事厅（二楼），五星路1号" * 3
    )
    topic = make_topic("approved", title="停车难，怎么办；大家议一议")
    services.set_agenda(meeting=meeting, topics=[topic], actor=coordinator_a)
    response = client.get(reverse("topics:meeting_calendar", args=["wuxing"]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    text = body.decode("utf-8")
    # CRLF everywhere, no bare LF.
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = body.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    unfolded = re.sub(r"\r\n ", "", text)
    assert "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" in unfolded and unfolded.rstrip().endswith(
        "END:VCALENDAR"
    )
    assert f"UID:meeting-{meeting.pk}@testserver" in unfolded
    assert "DTSTART:20300301T113000Z" in unfolded and "DTEND:20300301T133000Z" in unfolded
    assert "SUMMARY:三月议事会\\; 停车\\, 路灯\\\\改造" in unfolded
    assert (
        "DESCRIPTION:1. 停车难\\，怎么办\\；大家议一议" not in unfolded
    )  # full-width punctuation is not escaped
    assert "DESCRIPTION:1. 停车难，怎么办；大家议一议" in unfolded


def test_escaping_and_folding_units():
    assert ical.escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    line = "DESCRIPTION:" + "议" * 60
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line  # no character was split
    assert ical.fold("SHORT:ok") == "SHORT:ok"


def test_hidden_topics_stay_off_the_agenda_pages(client, make_meeting, make_topic, coordinator_a):
    meeting = make_meeting()
    topic = make_topic("approved", title="将被隐藏")
    services.set_agenda(meeting=meeting, topics=[topic], actor=coordinator_a)
    topic.refresh_from_db()
    topic.is_hidden, topic.hidden_reason = True, "违规"
    topic.save()
    assert "将被隐藏" not in client.get(meeting.get_absolute_url()).content.decode()
    assert "将被隐藏" not in client.get(reverse("topics:meeting_calendar", args=["wuxing"])).content.decode()
