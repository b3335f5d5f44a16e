"""解忧铺 ratings feed the 居民服务满意率 indicator (表1 task 19); overdue requests reach the dashboard."""

from datetime import date

import pytest
from django.utils import timezone

from evaluation.figures import collect_inputs, help_request_satisfaction, overdue_help_requests
from participation.help import services
from participation.help.models import HelpState

pytestmark = pytest.mark.django_db


def test_ratings_of_four_and_five_count_as_satisfied(make_flow, community_a, resident_a):
    good = make_flow(HelpState.CLOSED)  # the fixture's requester rates 5
    poor = make_flow(HelpState.RESOLVED)
    services.confirm_and_rate(request=poor, actor=resident_a, rating=2)
    make_flow(HelpState.IN_PROGRESS)  # not closed: counts in neither
    assert good.pk
    today = timezone.localdate()
    assert help_request_satisfaction(community=community_a[0], as_of=today) == (1, 2)
    inputs = collect_inputs(community=community_a[0], as_of=today)
    assert (inputs.satisfaction_positive, inputs.satisfaction_total) == (1, 2)
    # Outside the 12-month window nothing counts.
    assert help_request_satisfaction(community=community_a[0], as_of=date(2020, 1, 31)) == (0, 0)


def test_overdue_requests_are_listed_for_the_dashboard(make_flow, community_a):
    waiting = make_flow(HelpState.SUBMITTED)
    later = timezone.now() + timezone.timedelta(days=3)
    assert overdue_help_requests(community=community_a[0], now=later) == [waiting]
    assert overdue_help_requests(community=community_a[0], now=timezone.now()) == []


def test_only_registered_volunteers_can_be_assigned(make_flow, coordinator_a, resident_a2, volunteer_a):
    from participation.help.services import InvalidHandler

    request = make_flow(HelpState.ACCEPTED)
    with pytest.raises(InvalidHandler):
        services.assign(request=request, actor=coordinator_a, volunteer=resident_a2)  # not in the registry
    assigned = services.assign(request=request, actor=coordinator_a, volunteer=volunteer_a)
    assert assigned.assigned_volunteer == volunteer_a
