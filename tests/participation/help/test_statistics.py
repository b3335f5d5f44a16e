"""Statistics on a known data set (fixed clock), scoped to the staff member's communities."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from participation.help import services
from participation.help.models import HelpCategory
from participation.help.statistics import help_statistics, satisfaction
from tests.participation.help.conftest import SHANGHAI, T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_set(
    clock,
    make_request,
    category_a,
    community_a,
    coordinator_a,
    operations_a,
    resident_a,
    make_flow,
    resident_b,
    category_b,
    coordinator_b,
):
    elderly = HelpCategory.objects.create(
        community=community_a[0], name="助老服务", response_hours=48, resolution_days=3
    )

    def handle(request, *, respond_after, resolve_after, rating):
        start = clock.moment
        clock.advance(hours=respond_after)
        request = services.take_transition(request=request, transition="accept", actor=coordinator_a)
        request = services.assign(request=request, actor=coordinator_a, staff=operations_a)
        request = services.take_transition(request=request, transition="start", actor=operations_a)
        clock.moment = start + timedelta(hours=resolve_after)
        request = services.resolve(request=request, actor=operations_a, note="已办结")
        return services.confirm_and_rate(request=request, actor=resident_a, rating=rating)

    r1 = make_request(summary="一")  # 水电, at T0
    handle(r1, respond_after=2, resolve_after=48, rating=5)  # on time (due in 7 days)
    clock.moment = T0 + timedelta(hours=1)
    r2 = make_request(summary="二")
    clock.advance(hours=4)
    services.take_transition(request=r2, transition="reject", actor=coordinator_a, comment="不属于社区事务")
    clock.moment = T0 + timedelta(hours=2)
    r3 = make_request(summary="三", category=elderly)
    handle(r3, respond_after=10, resolve_after=120, rating=3)  # late (due in 3 days)
    clock.moment = datetime(2024, 4, 2, 10, 0, tzinfo=SHANGHAI)
    make_request(summary="四")
    make_request(requester=resident_b, category=category_b, summary="别的社区")
    return elderly


def period():
    return datetime(2024, 3, 1, tzinfo=SHANGHAI), datetime(2024, 5, 1, tzinfo=SHANGHAI)


def test_statistics_of_the_known_data_set(data_set, community_a):
    start, end = period()
    stats = help_statistics(community_ids={community_a[0].pk}, start=start, end=end)
    labels = [value for value, _ in stats.states]
    table = {
        (row["month"].strftime("%Y-%m"), row["category"]): dict(zip(labels, row["counts"], strict=False))
        for row in stats.rows
    }
    assert set(table) == {("2024-03", "水电维修"), ("2024-03", "助老服务"), ("2024-04", "水电维修")}
    assert table[("2024-03", "水电维修")]["closed"] == 1 and table[("2024-03", "水电维修")]["rejected"] == 1
    assert table[("2024-03", "助老服务")]["closed"] == 1
    assert table[("2024-04", "水电维修")]["submitted"] == 1
    assert stats.total == 4
    assert stats.median_response == timedelta(hours=4)  # 2 h, 4 h, 10 h
    assert stats.median_resolution == timedelta(hours=84)  # 48 h and 120 h
    assert (stats.closed, stats.closed_on_time, stats.on_time_share) == (2, 1, 0.5)
    assert stats.average_rating == 4.0 and stats.rated == 2


def test_statistics_all_communities_for_a_superuser(data_set):
    start, end = period()
    assert help_statistics(community_ids=None, start=start, end=end).total == 5


def test_satisfaction_inputs_are_stored(data_set, community_a):
    start, end = period()
    assert satisfaction(community_id=community_a[0].pk, start=start, end=end) == {"rated": 2, "satisfied": 1}


def test_statistics_page_is_scoped_to_my_communities(
    client, data_set, coordinator_a, coordinator_b, publicity_a
):
    client.force_login(coordinator_a)
    url = reverse("help_statistics:index")
    page = client.get(url, {"start": "2024-03-01", "end": "2024-04-30"}).content.decode()
    assert "助老服务" in page and "邻里纠纷" not in page
    assert "4.00" in page and "50%" in page and "4.0小时" in page
    client.force_login(coordinator_b)
    page = client.get(url, {"start": "2024-03-01", "end": "2024-04-30"}).content.decode()
    assert "邻里纠纷" in page and "助老服务" not in page
    client.force_login(publicity_a)
    assert client.get(url).status_code in (302, 403)
