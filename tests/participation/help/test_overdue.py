"""Deadlines fixed at submission, the overdue flag and filter in the admin, and the 待我处理 panel."""

from datetime import timedelta

import pytest
from django.urls import reverse

from participation.help import selectors
from participation.help.models import HelpState
from tests.participation.help.conftest import T0, fresh

pytestmark = pytest.mark.django_db


def test_deadlines_do_not_move_when_the_category_changes(make_flow, category_a, clock):
    request = make_flow()
    category_a.response_hours, category_a.resolution_days = 1, 1
    category_a.save()
    request = fresh(request)
    assert request.response_due_at == T0 + timedelta(hours=24)
    assert request.resolution_due_at == T0 + timedelta(days=7)


def test_overdue_for_response_then_for_resolution(make_flow, coordinator_a, clock):
    request = make_flow()
    assert not request.is_overdue()
    clock.advance(hours=25)
    assert request.is_response_overdue() and request.is_overdue()
    assert selectors.with_overdue(type(request).objects.filter(pk=request.pk)).get().overdue

    from participation.help import services

    accepted = services.take_transition(request=request, transition="accept", actor=coordinator_a)
    assert not accepted.is_overdue()  # answered late, but answered
    clock.advance(days=7)
    assert accepted.is_resolution_overdue()


def test_resolved_and_closed_are_never_overdue(make_flow, clock):
    resolved = make_flow(HelpState.RESOLVED)
    closed = make_flow(HelpState.CLOSED)
    clock.advance(days=30)
    assert not resolved.is_overdue() and not closed.is_overdue()
    assert set(type(resolved).objects.filter(selectors.overdue_q()).values_list("pk", flat=True)) == set()


def test_admin_list_flags_and_filters_overdue(client, make_flow, coordinator_a, clock):
    late = make_flow(summary="早就该答复了")
    clock.advance(hours=30)
    recent = make_flow(summary="刚刚提交的")
    client.force_login(coordinator_a)
    url = reverse("help_requests:index")
    page = client.get(url).content.decode()
    assert "早就该答复了" in page and "刚刚提交的" in page and page.count("已逾期") >= 1
    overdue_only = client.get(url, {"overdue": "yes"}).content.decode()
    assert "早就该答复了" in overdue_only and "刚刚提交的" not in overdue_only
    not_overdue = client.get(url, {"overdue": "no"}).content.decode()
    assert "早就该答复了" not in not_overdue and "刚刚提交的" in not_overdue
    assert late.pk != recent.pk


def test_my_work_panel_lists_triage_for_coordinators_overdue_first(client, make_flow, coordinator_a, clock):
    make_flow(summary="较早的请求")
    clock.advance(hours=30)
    make_flow(summary="较新的请求")
    work = selectors.my_work(user=coordinator_a)
    assert [item.summary for item in work["items"]] == ["较早的请求", "较新的请求"]
    assert work["overdue_count"] == 1
    client.force_login(coordinator_a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待我处理的解忧请求" in dashboard and "较早的请求" in dashboard


def test_my_work_panel_lists_what_is_assigned_to_me(make_flow, operations_a, make_staff, community_a, clock):
    from participation.roles import StaffRole

    other = make_staff("13800000105", StaffRole.PUBLICITY, community_a[0], "宣传乙")
    make_flow(HelpState.IN_PROGRESS, summary="交给运行甲的")
    make_flow(HelpState.SUBMITTED, summary="还没派单的")
    assert [item.summary for item in selectors.my_work(user=operations_a)["items"]] == ["交给运行甲的"]
    assert selectors.my_work(user=other)["count"] == 0
