"""The iCal writer (RFC 5545) and the activities' feeds."""

import datetime
import re

import pytest

from participation import ical

UTC8 = datetime.timezone(datetime.timedelta(hours=8))


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_lines_end_in_crlf_and_times_are_utc():
    start = datetime.datetime(2025, 6, 1, 9, 30, tzinfo=UTC8)
    text = ical.calendar(
        [
            ical.Event(
                uid="a-1@example.cn", start=start, end=start + datetime.timedelta(hours=2), summary="邻里节"
            )
        ],
        name="五星社区活动",
        now=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    )
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert {
        "VERSION:2.0",
        "UID:a-1@example.cn",
        "DTSTART:20250601T013000Z",
        "DTEND:20250601T033000Z",
        "DTSTAMP:20250501T000000Z",
        "SUMMARY:邻里节",
    } <= set(lines)


def test_text_is_escaped():
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    start = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    description = "社区志愿者招募，" * 40
    text = ical.calendar([ical.Event(uid="x", start=start, end=start, summary="s", description=description)])
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert f"DESCRIPTION:{ical.escape_text(description)}" in unfold(text)


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        ical.format_utc(datetime.datetime(2025, 1, 1))


@pytest.mark.django_db
def test_community_feed_and_single_event(client, make_activity, community_b):
    first = make_activity(title="邻里节, 百家宴")
    make_activity(title="读书会")
    response = client.get("/activities/wuxing/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    lines = unfold(response.content.decode())
    assert "SUMMARY:邻里节\\, 百家宴" in lines and "SUMMARY:读书会" in lines
    assert len([line for line in lines if line.startswith("UID:")]) == 2
    assert any(re.fullmatch(r"DTSTART:\d{8}T\d{6}Z", line) for line in lines)
    assert "BEGIN:VEVENT" not in client.get("/activities/xinmin/calendar.ics").content.decode()
    assert client.get("/activities/nowhere/calendar.ics").status_code == 404
    single = unfold(client.get(f"/activities/{first.pk}/event.ics").content.decode())
    assert f"UID:activity-{first.pk}@testserver" in single and "LOCATION:社区广场" in single
    assert len([line for line in single if line == "BEGIN:VEVENT"]) == 1


@pytest.mark.django_db
def test_unpublished_activities_stay_out_of_the_feed(client, make_activity):
    activity = make_activity(title="筹备中")
    activity.unpublish()
    assert "筹备中" not in client.get("/activities/wuxing/calendar.ics").content.decode()
    assert client.get(f"/activities/{activity.pk}/event.ics").status_code == 404


@pytest.mark.django_db
def test_index_page_links_the_feed(client, activity):
    html = client.get(activity.get_parent().url).content.decode()
    assert "/activities/wuxing/calendar.ics" in html and "订阅活动日历" in html
