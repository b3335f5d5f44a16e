"""Query counts at 10 and at 10,000 items of the other public pages of participation/: 议事会 meetings, shared
spaces, 人人社团 and the service circle (tests/test_query_scaling.py has the helpers and covers the rest)."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.community_life.models import (
    Club,
    ClubMembership,
    OpeningHours,
    ServicePoint,
    SharedSpace,
    SpaceBooking,
)
from participation.topics.models import AgendaItem, DeliberationMeeting, MeetingStatus
from tests.test_query_scaling import (  # noqa: F401 (fixtures)
    FEW,
    MANY,
    _bulk,
    _people,
    _topics,
    assert_flat,
    community,
    topic_category,
    viewer,
    visitors,
)
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db


# --- 议事会 ------------------------------------------------------------------------------------------------


def _meetings(community, start, stop):
    # Within the last year, so that the iCal feed lists every one of them too.
    now = timezone.now()
    return _bulk(
        DeliberationMeeting,
        [
            DeliberationMeeting(
                community=community,
                title=f"议事会{n}",
                starts_at=now - timedelta(minutes=n),
                place="活动室",
                host="主持人",
                status=MeetingStatus.HELD,
                attendees_count=20,
                minutes="纪要",
            )
            for n in range(start, stop)
        ],
    )


def test_meeting_list_and_calendar(visitors, community, topic_category, resident_a):
    [topic] = _topics(community, topic_category, resident_a, 0, 1)

    def fill(start, stop):
        meetings = _meetings(community, start, stop)
        _bulk(AgendaItem, [AgendaItem(meeting=meeting, topic=topic) for meeting in meetings])

    urls = [reverse("topics:meetings", args=["wuxing"]), reverse("topics:meeting_calendar", args=["wuxing"])]
    assert_flat(visitors, urls, fill)
    second = visitors["anonymous"].get(urls[0], {"page": 2}).content.decode()
    assert "议事会20<" in second and "议事会39<" in second and "议事会40<" not in second


def test_meeting_detail_with_its_agenda(visitors, community, topic_category, resident_a):
    [meeting] = _meetings(community, 0, 1)
    url = meeting.get_absolute_url()

    def fill(start, stop):
        topics = _topics(community, topic_category, resident_a, start, stop)
        # Positions 1…10,000 in order (not the topics' ids, which run past a small integer on PostgreSQL after
        # other tests).
        _bulk(
            AgendaItem,
            [
                AgendaItem(meeting=meeting, topic=topic, position=start + number + 1)
                for number, topic in enumerate(topics)
            ],
        )

    assert_flat(visitors, [url], fill)
    assert "第 1 页，共 500 页" in visitors["anonymous"].get(url).content.decode()  # 20 topics a page


# --- 共享客厅 ----------------------------------------------------------------------------------------------


def _open_every_day(spaces):
    return _bulk(
        OpeningHours,
        [
            OpeningHours(space=space, weekday=day, opens=time(8), closes=time(20))
            for space in spaces
            for day in range(7)
        ],
    )


def test_space_list(visitors, community):
    def fill(start, stop):
        _open_every_day(
            _bulk(
                SharedSpace,
                [
                    SharedSpace(community=community, name=f"客厅{n:05d}", kind="lounge", location="一楼")
                    for n in range(start, stop)
                ],
            )
        )

    url = reverse("spaces:list", args=["wuxing"])
    assert_flat(visitors, [url], fill)
    second = visitors["anonymous"].get(url, {"page": 2}).content.decode()
    assert "客厅00020" in second and "客厅00039" in second and "客厅00040" not in second


def test_space_detail_with_bookings(visitors, community, viewer):
    space = SharedSpace.objects.create(community=community, name="共享客厅", kind="lounge")
    _open_every_day([space])
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())

    def fill(start, stop):
        # One booking an hour from 8:00 to 18:00, day after day from this week's Monday on: the page shows a week.
        _bulk(
            SpaceBooking,
            [
                SpaceBooking(
                    community=community,
                    author=viewer,
                    space=space,
                    date=monday + timedelta(days=n // 10),
                    start_time=time(8 + n % 10),
                    end_time=time(9 + n % 10),
                    purpose="读书会",
                    state=ReviewState.APPROVED if n % 2 else ReviewState.SUBMITTED,
                    submitted_at=timezone.now(),
                )
                for n in range(start, stop)
            ],
        )

    assert_flat(visitors, [space.get_absolute_url()], fill)


# --- 人人社团 ----------------------------------------------------------------------------------------------


def _club(community, leader, name):
    return Club(
        community=community,
        author=leader,
        leader=leader,
        name=name,
        description="说明",
        category="culture",
        meeting_time="每周六上午",
        place="活动室",
        state=ReviewState.APPROVED,
        submitted_at=timezone.now(),
    )


def test_club_list(visitors, community, resident_a):
    def fill(start, stop):
        clubs = _bulk(Club, [_club(community, resident_a, f"社团{n:05d}") for n in range(start, stop)])
        _bulk(ClubMembership, [ClubMembership(club=club, resident=resident_a) for club in clubs])

    url = reverse("clubs:list", args=["wuxing"])
    assert_flat(visitors, [url], fill)
    second = visitors["anonymous"].get(url, {"page": 2}).content.decode()
    assert "社团00020" in second and "社团00039" in second and "社团00040" not in second


def test_club_detail_with_its_members(visitors, community, resident_a):
    [club] = _bulk(Club, [_club(community, resident_a, "书法社")])

    def fill(start, stop):
        _bulk(ClubMembership, [ClubMembership(club=club, resident=person) for person in _people(start, stop)])

    assert_flat(visitors, [club.get_absolute_url()], fill)
    assert "第 1 页，共 100 页" in visitors["anonymous"].get(club.get_absolute_url()).content.decode()


# --- 便民服务圈 --------------------------------------------------------------------------------------------


def test_service_circle(visitors, community):
    def fill(start, stop):
        _bulk(
            ServicePoint,
            [
                ServicePoint(
                    community=community,
                    name=f"服务点{n:05d}",
                    category="elderly_care",
                    address="幸福路1号",
                    walking_minutes=5,
                )
                for n in range(start, stop)
            ],
        )

    url = reverse("services:circle", args=["wuxing"])
    assert_flat(visitors, [url], fill)
    second = visitors["anonymous"].get(url, {"page": 2}).content.decode()
    assert "服务点00020" in second and "服务点00039" in second and "服务点00040" not in second
