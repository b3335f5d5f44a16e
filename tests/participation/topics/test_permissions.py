"""Every transition of a topic × every kind of person: allowed ones succeed, all others are refused on the
server — by the service, by the admin's transition view and by the public action view."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.topics.models import AgendaItem, ConsultationTopic, DeliberationMeeting
from workflows.exceptions import TransitionForbidden
from workflows.models import TransitionLog
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db

# transition: (state the topic is in, needs an agenda item, comment)
TRANSITIONS = {
    "submit": ("draft", False, ""),
    "withdraw": ("submitted", False, ""),
    "approve": ("submitted", False, ""),
    "return_for_changes": ("submitted", False, "请补充"),
    "reject": ("submitted", False, "不属于社区事务"),
    "schedule": ("approved", True, ""),
    "unschedule": ("scheduled", False, ""),
    "decide": ("scheduled", True, "同意"),
    "implement": ("decided", False, "已完成"),
}
PEOPLE = [
    "publicity",
    "coordination",
    "operations",
    "evaluation",
    "coordination_b",
    "author",
    "other_resident",
    "anonymous",
]
AUTHOR_TRANSITIONS = {"submit", "withdraw"}


def allowed(transition, who):
    return who == ("author" if transition in AUTHOR_TRANSITIONS else "coordination")


@pytest.fixture
def people(publicity_a, coordinator_a, operations_a, evaluation_a, coordinator_b, resident_a, neighbour):
    from django.contrib.auth.models import AnonymousUser

    return {
        "publicity": publicity_a,
        "coordination": coordinator_a,
        "operations": operations_a,
        "evaluation": evaluation_a,
        "coordination_b": coordinator_b,
        "author": resident_a,
        "other_resident": neighbour,
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def topic_for(make_topic, community_a):
    def make(transition):
        state, agenda, _comment = TRANSITIONS[transition]
        topic = make_topic(state)
        if agenda:
            meeting = DeliberationMeeting.objects.create(
                community=community_a[0],
                title="议事会",
                starts_at=timezone.now() + datetime.timedelta(days=1),
                place="议事厅",
                host="老陈",
            )
            AgendaItem.objects.create(meeting=meeting, topic=topic)
        return topic

    return make


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("transition", sorted(TRANSITIONS))
def test_service_matrix(transition, who, people, topic_for):
    topic = topic_for(transition)
    state_before = topic.state
    comment = TRANSITIONS[transition][2]
    if allowed(transition, who):
        result = perform_transition(obj=topic, transition=transition, actor=people[who], comment=comment)
        assert result.state != state_before
        assert TransitionLog.objects.filter(object_id=str(topic.pk), transition=transition).count() == 1
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=topic, transition=transition, actor=people[who], comment=comment)
        assert ConsultationTopic.objects.get(pk=topic.pk).state == state_before
        assert not TransitionLog.objects.exists()


STAFF = ["publicity", "coordination", "operations", "evaluation", "coordination_b"]


@pytest.mark.parametrize("who", STAFF)
@pytest.mark.parametrize("transition", sorted(set(TRANSITIONS) - AUTHOR_TRANSITIONS))
def test_admin_transition_view_matrix(client, transition, who, people, topic_for):
    topic = topic_for(transition)
    state_before = topic.state
    client.force_login(people[who])
    response = client.post(
        reverse("consultation_topics:transition", args=[topic.pk, transition]),
        {"seen_state": state_before, "comment": TRANSITIONS[transition][2]},
    )
    topic.refresh_from_db()
    if allowed(transition, who):
        assert response.status_code == 302 and topic.state != state_before
    else:
        # Staff of the other groups get a 403; the other community's coordinators do not even find it.
        assert response.status_code in (403, 404) and topic.state == state_before
        assert response.status_code == (404 if who == "coordination_b" else 403)


@pytest.mark.parametrize("who", ["author", "other_resident", "publicity", "coordination"])
@pytest.mark.parametrize("transition", sorted(TRANSITIONS))
def test_public_action_view_matrix(client, transition, who, people, topic_for):
    topic = topic_for(transition)
    state_before = topic.state
    client.force_login(people[who])
    response = client.post(reverse("topics:action", args=[topic.pk, transition]))
    topic.refresh_from_db()
    if transition in AUTHOR_TRANSITIONS and who == "author":
        assert response.status_code == 302 and topic.state != state_before
    else:
        # Reviewers act in the admin only; nobody else can act on someone's topic from the public site.
        assert topic.state == state_before
        assert not TransitionLog.objects.exists()


def test_anonymous_public_action_goes_to_login(client, topic_for):
    topic = topic_for("withdraw")
    response = client.post(reverse("topics:action", args=[topic.pk, "withdraw"]))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert ConsultationTopic.objects.get(pk=topic.pk).state == "submitted"


@pytest.mark.parametrize("who", ["author", "other_resident", "anonymous"])
def test_residents_have_no_admin(client, who, people, topic_for):
    topic = topic_for("approve")
    if who != "anonymous":
        client.force_login(people[who])
    response = client.post(
        reverse("consultation_topics:transition", args=[topic.pk, "approve"]), {"seen_state": "submitted"}
    )
    assert response.status_code == 302 and "login" in response.url
    assert ConsultationTopic.objects.get(pk=topic.pk).state == "submitted"
