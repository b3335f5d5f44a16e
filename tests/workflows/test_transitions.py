"""The state machine and perform_transition: who may do what, comments, the log, and stale items."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from tests.workflows.sample import PUBLISHED, SampleSubmission
from workflows.exceptions import (
    AlreadyHandled,
    CommentRequired,
    TransitionForbidden,
    TransitionNotAllowed,
    TransitionNotAvailable,
    UnknownTransition,
    WorkflowError,
)
from workflows.models import ReviewState, TransitionLog
from workflows.services import TRANSITION_LOG_ACTION, perform_transition

pytestmark = pytest.mark.django_db

# (transition, source state, target state, comment)
TRANSITIONS = {
    "submit": (ReviewState.DRAFT, ReviewState.SUBMITTED, ""),
    "approve": (ReviewState.SUBMITTED, ReviewState.APPROVED, ""),
    "return_for_changes": (ReviewState.SUBMITTED, ReviewState.RETURNED, "请补充照片"),
    "reject": (ReviewState.SUBMITTED, ReviewState.REJECTED, "不属于本社区事务"),
    "withdraw": (ReviewState.SUBMITTED, ReviewState.WITHDRAWN, ""),
    "publish": (ReviewState.APPROVED, PUBLISHED, ""),
}

# Who may take each transition (from its source state). Everyone else is refused.
ALLOWED = {
    "submit": {"author"},
    "approve": {"reviewer", "superuser"},
    "return_for_changes": {"reviewer", "superuser"},
    "reject": {"reviewer", "superuser"},
    "withdraw": {"author"},
    "publish": {"reviewer", "superuser"},
}
ACTORS = ["author", "reviewer", "other_staff", "superuser", "anonymous"]


@pytest.fixture
def actors(author, reviewer, other_staff, superuser):
    return {
        "author": author,
        "reviewer": reviewer,
        "other_staff": other_staff,
        "superuser": superuser,
        "anonymous": AnonymousUser(),
    }


@pytest.mark.parametrize("actor_name", ACTORS)
@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_permission_matrix(name, actor_name, actors, make_submission):
    source, target, comment = TRANSITIONS[name]
    item = make_submission(source)
    actor = actors[actor_name]

    if actor_name in ALLOWED[name]:
        result = perform_transition(obj=item, transition=name, actor=actor, comment=comment)
        assert result.state == target
        assert SampleSubmission.objects.get(pk=item.pk).state == target
        assert TransitionLog.objects.count() == 1
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=item, transition=name, actor=actor, comment=comment)
        assert SampleSubmission.objects.get(pk=item.pk).state == source
        assert TransitionLog.objects.count() == 0


@pytest.mark.parametrize("state", [ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.RETURNED])
def test_author_withdraws_from_every_open_state(state, author, make_submission):
    item = make_submission(state)
    assert perform_transition(obj=item, transition="withdraw", actor=author).state == ReviewState.WITHDRAWN


CLOSED_STATES = [ReviewState.APPROVED, ReviewState.REJECTED, ReviewState.WITHDRAWN, PUBLISHED]


@pytest.mark.parametrize("state", CLOSED_STATES)
def test_no_withdrawal_once_closed(state, author, make_submission):
    item = make_submission(state)
    with pytest.raises(TransitionNotAvailable):
        perform_transition(obj=item, transition="withdraw", actor=author)
    assert SampleSubmission.objects.get(pk=item.pk).state == state


def test_returned_item_can_be_resubmitted(author, make_submission):
    item = make_submission(ReviewState.RETURNED)
    assert perform_transition(obj=item, transition="submit", actor=author).state == ReviewState.SUBMITTED


@pytest.mark.parametrize("state", [ReviewState.DRAFT, ReviewState.APPROVED, ReviewState.REJECTED])
def test_reviewer_cannot_approve_outside_submitted(state, reviewer, make_submission):
    item = make_submission(state)
    with pytest.raises(TransitionNotAvailable):
        perform_transition(obj=item, transition="approve", actor=reviewer)


def test_nobody_reviews_their_own_item(reviewer, superuser, make_submission):
    own = make_submission(ReviewState.SUBMITTED, author=reviewer)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=own, transition="approve", actor=reviewer)
    own_by_superuser = make_submission(ReviewState.SUBMITTED, author=superuser)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=own_by_superuser, transition="approve", actor=superuser)


def test_inactive_reviewer_is_refused(reviewer, make_submission):
    reviewer.is_active = False
    reviewer.save()
    item = make_submission(ReviewState.SUBMITTED)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=item, transition="approve", actor=reviewer)


def test_visitor_item_without_author_cannot_be_submitted_by_anyone_but_is_reviewable(
    author, reviewer, make_submission
):
    item = make_submission(ReviewState.DRAFT, author=None)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=item, transition="submit", actor=author)
    submitted = make_submission(ReviewState.SUBMITTED, author=None)
    approved = perform_transition(obj=submitted, transition="approve", actor=reviewer)
    assert approved.state == ReviewState.APPROVED


@pytest.mark.parametrize("name", ["return_for_changes", "reject"])
@pytest.mark.parametrize("comment", ["", "   \n "])
def test_comment_required_on_return_and_reject(name, comment, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    with pytest.raises(CommentRequired):
        perform_transition(obj=item, transition=name, actor=reviewer, comment=comment)
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED
    assert not TransitionLog.objects.exists()
    assert not ModelLogEntry.objects.filter(action=TRANSITION_LOG_ACTION).exists()


@pytest.mark.parametrize("name", ["delete", "save", "publish_now", "", "state"])
def test_unknown_transition_name(name, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    with pytest.raises(UnknownTransition):
        perform_transition(obj=item, transition=name, actor=reviewer)
    assert SampleSubmission.objects.filter(pk=item.pk).exists()
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED


def test_log_row_and_wagtail_audit_entry(reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    perform_transition(obj=item, transition="reject", actor=reviewer, comment="  不属于本社区事务 ")

    log = TransitionLog.objects.get()
    assert log.content_object == item
    assert log.actor == reviewer
    assert (log.transition, log.from_state, log.to_state) == ("reject", "submitted", "rejected")
    assert log.comment == "不属于本社区事务"
    assert str(log.transition_label) == gettext("Reject")  # whatever the active catalogue says
    assert str(log.to_state_label) == str(ReviewState.REJECTED.label)

    entry = ModelLogEntry.objects.get(action=TRANSITION_LOG_ACTION)
    assert entry.object_id == str(item.pk)
    assert entry.user_id == reviewer.pk
    assert entry.data["comment"] == "不属于本社区事务"
    assert entry.data["transition_log_id"] == log.pk
    assert (entry.data["from_state"], entry.data["to_state"]) == ("submitted", "rejected")


def test_submit_records_submission_time(author, make_submission):
    item = make_submission(ReviewState.DRAFT)
    assert item.submitted_at is None
    item = perform_transition(obj=item, transition="submit", actor=author)
    assert SampleSubmission.objects.get(pk=item.pk).submitted_at is not None


def test_stale_item_is_already_handled(reviewer, second_reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    seen_by_second = SampleSubmission.objects.get(pk=item.pk)
    perform_transition(obj=item, transition="approve", actor=reviewer)

    with pytest.raises(AlreadyHandled) as raised:
        perform_transition(obj=seen_by_second, transition="reject", actor=second_reviewer, comment="不行")
    assert str(raised.value) == str(AlreadyHandled.default_message)
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.APPROVED
    assert TransitionLog.objects.count() == 1


def test_errors_are_workflow_errors_and_fsm_compatible():
    # Callers may catch our base class, or django-fsm's exception types they already know.
    import django_fsm

    assert issubclass(TransitionForbidden, TransitionNotAllowed)
    assert issubclass(TransitionNotAllowed, django_fsm.TransitionNotAllowed)
    assert issubclass(AlreadyHandled, django_fsm.ConcurrentTransition)
    for error in (UnknownTransition, CommentRequired, AlreadyHandled, TransitionNotAvailable):
        assert issubclass(error, WorkflowError)
        assert str(error()) == str(error.default_message)


def test_state_cannot_be_assigned_directly(make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    with pytest.raises(AttributeError):
        item.state = ReviewState.APPROVED


def test_database_refuses_submitted_item_without_submission_time(author):
    with pytest.raises(IntegrityError), transaction.atomic():
        SampleSubmission.objects.create(title="x", author=author, state=ReviewState.SUBMITTED)


def test_available_transitions_for_each_user(author, reviewer, other_staff, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    assert [t.name for t in item.available_transitions_for(author)] == ["withdraw"]
    reviewer_names = [t.name for t in item.available_transitions_for(reviewer)]
    assert reviewer_names == ["approve", "reject", "return_for_changes"]
    assert item.available_transitions_for(other_staff) == []
    assert item.available_transitions_for(AnonymousUser()) == []
    reject = next(t for t in item.available_transitions_for(reviewer) if t.name == "reject")
    assert reject.comment_required is True and reject.actor == "reviewer" and reject.target == "rejected"


def test_transition_metadata_of_subclass():
    specs = SampleSubmission.transition_specs()
    assert set(specs) == {"submit", "approve", "return_for_changes", "reject", "withdraw", "publish"}
    assert specs["submit"].actor == "author"
    assert specs["approve"].comment_required is False
    assert specs["return_for_changes"].comment_required is True
    assert set(specs["submit"].sources) == {"draft", "returned"}
    assert specs["publish"].label == "Publish"


def test_subclass_states_extend_the_choices(reviewer, make_submission):
    item = make_submission(ReviewState.APPROVED)
    item = perform_transition(obj=item, transition="publish", actor=reviewer)
    assert item.get_state_display() == "Published"
    assert SampleSubmission.state_label("submitted") == ReviewState.SUBMITTED.label
    choices = dict(SampleSubmission._meta.get_field("state").choices)
    assert set(choices) == {*ReviewState.values, PUBLISHED}
