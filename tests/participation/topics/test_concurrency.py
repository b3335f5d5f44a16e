"""Races on PostgreSQL: two approvals of one topic, and one resident's two simultaneous supports."""

import threading

import pytest
from django.db import connection
from django_fsm.signals import pre_transition

from participation.topics import services
from participation.topics.models import ConsultationTopic, TopicSupport
from workflows.exceptions import AlreadyHandled
from workflows.models import TransitionLog
from workflows.services import perform_transition

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks and serialises writers; needs DATABASE_URL=postgres://…",
)


def run_together(*actions):
    """Run the callables at the same moment, each in its own thread (and database connection)."""
    start = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            start.wait(timeout=5)
            outcomes[index] = action()
        except Exception as error:  # reported through the outcomes
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@needs_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_approve_at_once(make_topic, coordinator_a, second_coordinator_a):
    topic = make_topic("submitted")
    copies = [ConsultationTopic.objects.get(pk=topic.pk) for _ in range(2)]
    first_in = threading.Event()

    def hold_the_lock(sender, instance, **kwargs):
        # The first one keeps its row lock a moment, so that the other surely arrives while it is held.
        if sender is ConsultationTopic and not first_in.is_set():
            first_in.set()
            threading.Event().wait(0.5)

    pre_transition.connect(hold_the_lock)
    try:
        outcomes = run_together(
            lambda: perform_transition(obj=copies[0], transition="approve", actor=coordinator_a),
            lambda: perform_transition(obj=copies[1], transition="approve", actor=second_coordinator_a),
        )
    finally:
        pre_transition.disconnect(hold_the_lock)
    assert sum(isinstance(outcome, ConsultationTopic) for outcome in outcomes) == 1
    assert sum(isinstance(outcome, AlreadyHandled) for outcome in outcomes) == 1
    assert "已被他人处理" in str(next(o for o in outcomes if isinstance(o, AlreadyHandled)))
    assert TransitionLog.objects.filter(object_id=str(topic.pk)).count() == 1
    assert ConsultationTopic.objects.get(pk=topic.pk).state == "approved"


@needs_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_resident_supports_twice_at_once(make_topic, neighbour):
    topic = make_topic("approved")
    outcomes = run_together(
        *(lambda: services.support_topic(topic=topic, resident=neighbour) for _ in range(4))
    )
    assert TopicSupport.objects.filter(topic=topic, resident=neighbour).count() == 1
    assert sum(isinstance(outcome, TopicSupport) for outcome in outcomes) == 1
    refusals = [o for o in outcomes if isinstance(o, services.TopicActionRefused)]
    assert len(refusals) == 3 and all("您已附议过此议题。" == str(r) for r in refusals)
