"""Fixtures of the 人人解忧铺 tests: categories, staff of each group, a volunteer, requests in any state."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from participation import services as participation_services
from participation.help import services
from participation.help.models import HelpCategory, HelpRequest, HelpState
from participation.roles import StaffRole
from tests.conftest import PASSWORD

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=SHANGHAI)  # a Monday morning


@pytest.fixture(autouse=True)
def _immediate_email(settings):
    settings.WORKFLOWS_DEFAULT_DELIVERY = "email_immediate"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block registered with transaction.on_commit (notifications), as a
    real commit would; the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def client(committed):
    """The test client, each request followed by its commit callbacks."""
    from django.test import Client

    class CommittingClient(Client):
        def request(self, **request):
            with committed():
                return super().request(**request)

    return CommittingClient()


class Clock:
    """A fixed, movable clock for the help flow (participation.help.clock.now)."""

    def __init__(self, moment):
        self.moment = moment

    def __call__(self):
        return self.moment

    def advance(self, **delta):
        self.moment += timedelta(**delta)


@pytest.fixture
def clock():
    fixed = Clock(T0)
    with mock.patch("participation.help.clock.now", fixed):
        yield fixed


@pytest.fixture
def category_a(community_a):
    return HelpCategory.objects.create(
        community=community_a[0], name="水电维修", response_hours=24, resolution_days=7
    )


@pytest.fixture
def category_b(community_b):
    return HelpCategory.objects.create(
        community=community_b[0], name="邻里纠纷", response_hours=48, resolution_days=10
    )


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")


@pytest.fixture
def evaluation_a(make_staff, community_a):
    return make_staff("13800000104", StaffRole.EVALUATION, community_a[0], "评价甲")


@pytest.fixture
def volunteer_a(community_a):
    user = participation_services.create_resident(
        mobile="13900000102", password=PASSWORD, display_name="王志愿", community=community_a[0]
    )
    user.email = "volunteer@example.com"
    user.save(update_fields=["email"])
    from participation.volunteers.models import Volunteer

    Volunteer.objects.create(resident=user, community=community_a[0])  # a registered volunteer
    return user


@pytest.fixture
def resident_a2(community_a):
    return participation_services.create_resident(
        mobile="13900000103", password=PASSWORD, display_name="赵邻居", community=community_a[0]
    )


@pytest.fixture
def make_request(community_a, category_a, resident_a, committed):
    """make_request(requester=..., state=...) walks the real services up to the state asked for."""

    def make(
        *,
        requester=resident_a,
        state=HelpState.SUBMITTED,
        category=category_a,
        summary="楼道灯坏了",
        handler=None,
        actor=None,
        is_public=False,
        is_sensitive=False,
        visitor_phone="13700000001",
    ):
        with committed():
            return _make(
                requester, state, category, summary, handler, actor, is_public, is_sensitive, visitor_phone
            )

    def _make(requester, state, category, summary, handler, actor, is_public, is_sensitive, visitor_phone):
        community = category.community
        request, token = services.submit_request(
            community=community,
            category=category,
            summary=summary,
            description="三楼楼道灯不亮，晚上很危险。",
            requester=requester,
            name="" if requester else "孙访客",
            phone="" if requester else visitor_phone,
            is_public=is_public,
            is_sensitive=is_sensitive,
        )
        request.token = token
        steps = {
            HelpState.SUBMITTED: [],
            HelpState.ACCEPTED: ["accept"],
            HelpState.ASSIGNED: ["accept", "assign"],
            HelpState.IN_PROGRESS: ["accept", "assign", "start"],
            HelpState.RESOLVED: ["accept", "assign", "start", "resolve"],
            HelpState.CLOSED: ["accept", "assign", "start", "resolve", "close"],
        }[state]
        for step in steps:
            request = _step(request, step, actor=actor, handler=handler, token=token)
            request.token = token
        return request

    return make


def _step(request, step, *, actor, handler, token):
    if step == "accept":
        return services.take_transition(request=request, transition="accept", actor=actor)
    if step == "assign":
        kind = "staff" if handler.is_staff else "volunteer"
        return services.assign(request=request, actor=actor, **{kind: handler})
    if step == "start":
        return services.take_transition(request=request, transition="start", actor=handler)
    if step == "resolve":
        return services.resolve(request=request, actor=handler, note="已更换灯泡。")
    requester = request.author or services.visitor_for_token(token=token)[1]
    return services.confirm_and_rate(request=request, actor=requester, rating=5)


@pytest.fixture
def make_flow(make_request, coordinator_a, operations_a):
    """Requests of community A driven by its coordinator, handled by its operations staff member."""

    def make(state=HelpState.SUBMITTED, **kwargs):
        kwargs.setdefault("actor", coordinator_a)
        kwargs.setdefault("handler", operations_a)
        return make_request(state=state, **kwargs)

    return make


def fresh(request):
    return HelpRequest.objects.get(pk=request.pk)
