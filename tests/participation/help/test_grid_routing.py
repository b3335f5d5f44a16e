"""Routing by grid (表1 task 23): a request goes to its grid's worker when the coordination group accepts it;
staff may reassign; the grid worker sees and handles what is routed to them, nothing of another community;
lists and statistics filter by grid."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from participation.help import services
from participation.help.models import HelpRequest, HelpState
from participation.models import Grid, Household, User
from participation.roles import GRID_WORKER_GROUP
from tests.participation.help.conftest import fresh
from workflows.models import Message, TransitionLog

pytestmark = pytest.mark.django_db


def make_grid_worker(mobile, community, name):
    user = User.objects.create_user(mobile, "x-grid-2024", display_name=name, is_staff=True)
    user.communities.add(community)
    user.groups.add(Group.objects.get(name=GRID_WORKER_GROUP))
    return user


@pytest.fixture
def worker_a(community_a):
    return make_grid_worker("13800000107", community_a[0], "网格员甲")


@pytest.fixture
def grid_a(community_a, worker_a):
    return Grid.objects.create(community=community_a[0], name="第一网格", worker=worker_a)


@pytest.fixture
def grid_a2(community_a):
    return Grid.objects.create(community=community_a[0], name="第二网格")  # no worker yet


@pytest.fixture
def grid_b(community_b):
    worker = make_grid_worker("13800000207", community_b[0], "网格员乙")
    return Grid.objects.create(community=community_b[0], name="村东网格", worker=worker)


def live_in(resident, grid, address="3幢2单元501"):
    resident.household = Household.objects.create(community=grid.community, grid=grid, address=address)
    resident.save(update_fields=["household"])
    return resident


def test_a_residents_request_goes_to_the_grid_worker_on_acceptance(
    make_request, resident_a, grid_a, worker_a, coordinator_a, committed
):
    live_in(resident_a, grid_a)
    request = make_request()
    assert request.grid == grid_a
    # Still the coordination group's to triage: nobody handles it before it is accepted.
    assert request.state == HelpState.SUBMITTED and request.handler_kind is None
    with committed():
        accepted = services.take_transition(request=request, transition="accept", actor=coordinator_a)
    assert accepted.state == HelpState.ASSIGNED and accepted.assigned_staff == worker_a
    steps = list(
        TransitionLog.objects.filter(object_id=request.pk).order_by("pk").values_list("transition", flat=True)
    )
    assert steps == ["submit", "accept", "assign"]
    message = Message.objects.get(recipient=worker_a, transition_log__transition="assign")
    assert "第一网格" in message.body and message.url == reverse("help_requests:edit", args=[request.pk])


def test_no_routing_without_a_grid_or_a_worker(make_request, resident_a, resident_a2, grid_a2, coordinator_a):
    visitor_request = make_request(requester=None)  # a visitor has no household
    live_in(resident_a2, grid_a2, "5幢101")
    no_worker = make_request(requester=resident_a2)
    assert visitor_request.grid is None and no_worker.grid == grid_a2
    for request in (visitor_request, no_worker):
        accepted = services.take_transition(request=request, transition="accept", actor=coordinator_a)
        assert accepted.state == HelpState.ACCEPTED and accepted.handler_kind is None


def test_the_grid_worker_never_handles_their_own_request(
    worker_a, grid_a, coordinator_a, community_a, category_a
):
    live_in(worker_a, grid_a)
    request, _token = services.submit_request(
        community=community_a[0],
        category=category_a,
        summary="家里漏水",
        description="厨房漏水。",
        requester=worker_a,
    )
    accepted = services.take_transition(request=request, transition="accept", actor=coordinator_a)
    assert accepted.state == HelpState.ACCEPTED and accepted.assigned_staff is None


def test_staff_enter_a_request_for_a_grid_and_may_accept_without_routing(
    client, coordinator_a, community_a, category_a, grid_a, worker_a
):
    client.force_login(coordinator_a)
    form = client.get(reverse("help_requests:add")).content.decode()
    assert "第一网格" in form
    response = client.post(
        reverse("help_requests:add"),
        {
            "community": community_a[0].pk,
            "name": "孙大爷",
            "phone": "13700000009",
            "channel": "phone",
            "grid": grid_a.pk,
            "category": category_a.pk,
            "summary": "楼道堆物",
            "description": "三楼楼道堆满杂物。",
        },
    )
    assert response.status_code == 302
    request = HelpRequest.objects.get(summary="楼道堆物")
    assert request.grid == grid_a and request.entered_by == coordinator_a
    url = reverse("help_requests:transition", args=[request.pk, "accept"])
    page = client.get(url).content.decode()
    assert "网格员甲" in page and "第一网格" in page  # the confirmation says where it will go
    response = client.post(url, {"seen_state": "submitted"})  # the box left unticked
    assert response.status_code == 302
    assert fresh(request).state == HelpState.ACCEPTED and fresh(request).assigned_staff is None


def test_entering_a_request_for_another_communitys_grid_is_refused(
    client, coordinator_a, community_a, category_a, grid_b
):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("help_requests:add"),
        {
            "community": community_a[0].pk,
            "name": "孙大爷",
            "phone": "13700000009",
            "channel": "phone",
            "grid": grid_b.pk,
            "category": category_a.pk,
            "summary": "越界",
            "description": "x",
        },
    )
    assert response.status_code == 200
    assert "该网格属于其他社区" in response.content.decode()
    assert not HelpRequest.objects.filter(summary="越界").exists()


def test_accepting_in_the_admin_routes_to_the_worker_and_staff_can_reassign(
    client, make_request, resident_a, grid_a, worker_a, coordinator_a, operations_a
):
    live_in(resident_a, grid_a)
    request = make_request()
    client.force_login(coordinator_a)
    response = client.post(
        reverse("help_requests:transition", args=[request.pk, "accept"]),
        {"seen_state": "submitted", "route_to_grid_worker": "on"},
    )
    assert response.status_code == 302
    assert fresh(request).assigned_staff == worker_a
    response = client.post(
        reverse("help_requests:transition", args=[request.pk, "assign"]),
        {"seen_state": "assigned", "staff": operations_a.pk},
    )
    assert response.status_code == 302
    reassigned = fresh(request)
    assert reassigned.state == HelpState.ASSIGNED and reassigned.assigned_staff == operations_a
    assert Message.objects.filter(recipient=operations_a, transition_log__transition="assign").exists()
    # The grid worker still sees the request of their grid, but it is no longer theirs to handle.
    client.force_login(worker_a)
    response = client.post(
        reverse("help_requests:transition", args=[request.pk, "start"]), {"seen_state": "assigned"}
    )
    assert response.status_code == 403 and fresh(request).state == HelpState.ASSIGNED


def test_grid_worker_sees_and_handles_what_is_routed_to_them_only(
    client, make_request, resident_a, resident_a2, grid_a, worker_a, coordinator_a, resident_b, category_b
):
    live_in(resident_a, grid_a)
    mine = make_request(summary="楼道灯坏了", state=HelpState.ACCEPTED, actor=coordinator_a)
    elsewhere = make_request(requester=resident_a2, summary="别的网格的事")
    other_community = make_request(requester=resident_b, category=category_b, summary="别村的事")
    assert fresh(mine).assigned_staff == worker_a

    client.force_login(worker_a)
    listing = client.get(reverse("help_requests:index")).content.decode()
    assert "楼道灯坏了" in listing and "别的网格的事" not in listing and "别村的事" not in listing
    assert "楼道灯坏了" in client.get(reverse("wagtailadmin_home")).content.decode()  # 待我处理
    assert client.get(reverse("help_requests:inspect", args=[mine.pk])).status_code == 200
    for request in (elsewhere, other_community):
        assert client.get(reverse("help_requests:inspect", args=[request.pk])).status_code in (302, 403, 404)
        response = client.post(
            reverse("help_requests:transition", args=[request.pk, "accept"]), {"seen_state": "submitted"}
        )
        assert response.status_code == 404 and fresh(request).state == HelpState.SUBMITTED

    client.post(reverse("help_requests:transition", args=[mine.pk, "start"]), {"seen_state": "assigned"})
    response = client.post(
        reverse("help_requests:transition", args=[mine.pk, "resolve"]),
        {"seen_state": "in_progress", "comment": "已更换灯泡。"},
    )
    assert response.status_code == 302
    assert fresh(mine).state == HelpState.RESOLVED and fresh(mine).resolution_note == "已更换灯泡。"


def test_list_filter_by_grid(
    client, make_request, resident_a, resident_a2, grid_a, grid_a2, grid_b, coordinator_a
):
    live_in(resident_a, grid_a)
    live_in(resident_a2, grid_a2, "5幢101")
    make_request(summary="一网格的事")
    make_request(requester=resident_a2, summary="二网格的事")
    client.force_login(coordinator_a)
    page = client.get(reverse("help_requests:index")).content.decode()
    assert "一网格的事" in page and "二网格的事" in page
    assert "村东网格" not in page  # another community's grid is not offered
    page = client.get(reverse("help_requests:index"), {"grid": grid_a2.pk}).content.decode()
    assert "二网格的事" in page and "一网格的事" not in page


def test_statistics_filter_by_grid(
    client, clock, make_request, resident_a, resident_a2, grid_a, grid_a2, grid_b, coordinator_a
):
    live_in(resident_a, grid_a)
    live_in(resident_a2, grid_a2, "5幢101")
    make_request(summary="一")
    make_request(summary="二")
    make_request(requester=resident_a2, summary="三")
    client.force_login(coordinator_a)
    url = reverse("help_statistics:index")
    period = {"start": "2024-03-01", "end": "2024-03-31"}

    def total(**extra):
        return client.get(url, {**period, **extra}).context["stats"].total

    assert (total(), total(grid=grid_a.pk), total(grid=grid_a2.pk)) == (3, 2, 1)
    page = client.get(url, {**period, "grid": grid_a2.pk}).content.decode()
    assert "第二网格" in page and "村东网格" not in page
    response = client.get(url, {**period, "grid": grid_b.pk})  # another community's grid
    assert "请选择您所在社区的网格" in response.content.decode()
