"""The permission matrix of every transition, enforced by the services (and so by every view)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from participation.help import services
from participation.help.models import HelpState
from participation.help.rules import TrackingVisitor
from participation.models import User
from participation.registries.models import SocialOrganisation
from tests.participation.help.conftest import fresh

pytestmark = pytest.mark.django_db

# transition → (state it is taken from, who may take it)
MATRIX = {
    "accept": (HelpState.SUBMITTED, {"coordinator_a", "superuser"}),
    "reject": (HelpState.SUBMITTED, {"coordinator_a", "superuser"}),
    "mark_duplicate": (HelpState.SUBMITTED, {"coordinator_a", "superuser"}),
    "assign": (HelpState.ACCEPTED, {"coordinator_a", "superuser"}),
    "start": (HelpState.ASSIGNED, {"operations_a", "volunteer_a", "superuser"}),
    "resolve": (HelpState.IN_PROGRESS, {"operations_a", "volunteer_a", "superuser"}),
    "close": (HelpState.RESOLVED, {"resident_a"}),
    "reopen": (HelpState.RESOLVED, {"resident_a"}),
    "withdraw": (HelpState.SUBMITTED, {"resident_a"}),
}
PEOPLE = [
    "coordinator_a",
    "coordinator_b",
    "operations_a",
    "operations_b",
    "publicity_a",
    "evaluation_a",
    "resident_a",
    "resident_a2",
    "volunteer_a",
    "superuser",
    "anonymous",
]


@pytest.fixture
def people(request, db):
    found = {}
    for name in PEOPLE:
        if name == "superuser":
            found[name] = User.objects.create_superuser("13800009999", "pw", display_name="管理员")
        elif name == "anonymous":
            found[name] = AnonymousUser()
        else:
            found[name] = request.getfixturevalue(name)
    return found


def take(request, transition, actor, *, original=None):
    if transition == "assign":
        organisation, _ = SocialOrganisation.objects.get_or_create(
            community_id=request.community_id,
            name="阳光社工服务中心",
            defaults={"org_type": "service", "status": "filed"},
        )
        return services.assign(request=request, actor=actor, organisation=organisation)
    if transition == "mark_duplicate":
        return services.mark_duplicate(request=request, actor=actor, original=original)
    if transition == "resolve":
        return services.resolve(request=request, actor=actor, note="已办结")
    if transition == "close":
        return services.confirm_and_rate(request=request, actor=actor, rating=5)
    if transition == "reopen":
        return services.reopen(request=request, actor=actor, reason="没有解决")
    return services.take_transition(request=request, transition=transition, actor=actor, comment="理由")


@pytest.mark.parametrize("transition", sorted(MATRIX))
def test_permission_matrix(transition, people, make_flow, clock):
    state, allowed = MATRIX[transition]
    original = make_flow(summary="原请求")
    for name, user in people.items():
        request = make_flow(
            state, handler=people["volunteer_a"] if name == "volunteer_a" else people["operations_a"]
        )
        offered = {spec.name for spec in request.available_transitions_for(user)}
        if name in allowed:
            assert transition in offered, name
            take(request, transition, user, original=original)
            assert fresh(request).state != state or transition == "assign", name
        else:
            assert transition not in offered, name
            with pytest.raises(services.TransitionForbidden):
                take(request, transition, user, original=original)
            assert fresh(request).state == state, name


@pytest.mark.parametrize("transition", ["close", "reopen", "withdraw"])
def test_visitor_token_acts_on_its_own_request_only(transition, make_flow):
    state = MATRIX[transition][0]
    own = make_flow(state, requester=None)
    other = make_flow(state, requester=None, visitor_phone="13700000002")
    visitor = services.visitor_for_token(token=own.token)[1]
    with pytest.raises(services.TransitionForbidden):
        take(other, transition, visitor)
    assert fresh(other).state == state
    take(own, transition, visitor)
    assert fresh(own).state != state
    with pytest.raises(services.TransitionForbidden):
        take(make_flow(state, requester=None, visitor_phone="13700000003"), transition, TrackingVisitor(-1))


def test_admin_transition_view_refuses_with_403(client, make_flow, operations_a, coordinator_b):
    request = make_flow()
    url = reverse("help_requests:transition", args=[request.pk, "accept"])
    client.force_login(operations_a)
    assert client.post(url, {"seen_state": "submitted"}).status_code == 403
    client.force_login(coordinator_b)  # another community: not even found
    assert client.post(url, {"seen_state": "submitted"}).status_code == 404
    assert fresh(request).state == HelpState.SUBMITTED


def test_nobody_triages_their_own_request(make_flow, coordinator_a):
    request = make_flow(requester=coordinator_a)
    assert "accept" not in {spec.name for spec in request.available_transitions_for(coordinator_a)}
    with pytest.raises(services.TransitionForbidden):
        services.take_transition(request=request, transition="accept", actor=coordinator_a)


def test_staff_enter_requests_only_for_their_communities(client, coordinator_a, category_b, community_b):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("help_requests:add"),
        {
            "community": community_b[0].pk,
            "name": "钱阿姨",
            "phone": "13600000001",
            "channel": "phone",
            "category": category_b.pk,
            "summary": "越权录入",
            "description": "不应保存",
        },
    )
    assert response.status_code == 200 and "community" in response.context["form"].errors
    assert not type(category_b).objects.get(pk=category_b.pk).requests.exists()


def test_publicity_group_cannot_enter_requests(client, publicity_a):
    client.force_login(publicity_a)
    assert client.get(reverse("help_requests:add")).status_code in (302, 403)
