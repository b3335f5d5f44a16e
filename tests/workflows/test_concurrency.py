"""Two reviewers act on the same item at the same moment: exactly one wins (needs PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection
from django_fsm.signals import pre_transition

from tests.workflows.sample import SampleSubmission
from workflows.exceptions import AlreadyHandled
from workflows.models import Message, ReviewState, TransitionLog
from workflows.services import perform_transition


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("second_transition", ["approve", "reject"])
def test_simultaneous_reviews_one_wins(second_transition, author, reviewer, second_reviewer, make_submission):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (select_for_update is a no-op); needs DATABASE_URL=postgres://…")

    item = make_submission(ReviewState.SUBMITTED)
    # Both reviewers opened the item while it was still submitted.
    copies = [SampleSubmission.objects.get(pk=item.pk), SampleSubmission.objects.get(pk=item.pk)]
    start = threading.Barrier(2)
    first_in = threading.Event()
    outcomes = {}

    def hold_the_lock(sender, instance, **kwargs):
        # The first thread to reach the transition keeps its row lock a moment, so the other one
        # certainly arrives while it is held (without the lock both would see "submitted").
        if sender is SampleSubmission and not first_in.is_set():
            first_in.set()
            threading.Event().wait(0.5)

    def review(index, actor, name, comment):
        try:
            start.wait(timeout=5)
            perform_transition(obj=copies[index], transition=name, actor=actor, comment=comment)
            outcomes[index] = "ok"
        except AlreadyHandled:
            outcomes[index] = "already handled"
        except Exception as error:  # pragma: no cover - reported by the assertion below
            outcomes[index] = repr(error)
        finally:
            connection.close()

    pre_transition.connect(hold_the_lock)
    try:
        threads = [
            threading.Thread(target=review, args=(0, reviewer, "approve", "")),
            threading.Thread(target=review, args=(1, second_reviewer, second_transition, "理由")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        pre_transition.disconnect(hold_the_lock)

    assert sorted(outcomes.values()) == ["already handled", "ok"]
    assert TransitionLog.objects.filter(object_id=str(item.pk)).count() == 1
    winner = TransitionLog.objects.get(object_id=str(item.pk))
    assert SampleSubmission.objects.get(pk=item.pk).state == winner.to_state
    # Only the winner's transition told the author anything.
    assert Message.objects.filter(recipient=author).count() == 1
