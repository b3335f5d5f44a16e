"""Notifications: only after commit, to the right people, by each person's delivery preference."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from renren_cms.page_cache import bump_generation
from tests.workflows.sample import SampleSubmission
from workflows.models import Delivery, Message, NotificationPreference, ReviewState, TransitionLog
from workflows.notifications import send_digests, send_message_email_now
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db

KIND = "sample_review"


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """perform_transition, then run what the commit would run (the test's own transaction never commits)."""

    def act(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return perform_transition(**kwargs)

    return act


def prefer(user, delivery):
    NotificationPreference.objects.create(user=user, kind=KIND, delivery=delivery)


def test_submission_notifies_reviewers_not_the_author_nor_other_groups(
    act, author, reviewer, second_reviewer, other_staff, make_submission
):
    item = act(obj=make_submission(ReviewState.DRAFT), transition="submit", actor=author)

    messages = Message.objects.order_by("recipient_id")
    assert [m.recipient for m in messages] == [reviewer, second_reviewer]
    for message in messages:
        assert message.kind == KIND
        assert "修好小区东门" in message.subject
        assert message.url == reverse("samplesubmissions:edit", args=[item.pk])
        assert message.transition_log == TransitionLog.objects.get()
    assert sorted(email.to[0] for email in mail.outbox) == [reviewer.email, second_reviewer.email]


def test_approval_notifies_the_author_only(act, author, reviewer, second_reviewer, make_submission):
    item = act(obj=make_submission(ReviewState.SUBMITTED), transition="approve", actor=reviewer)

    message = Message.objects.get()
    assert message.recipient == author
    assert str(ReviewState.APPROVED.label) in message.subject
    assert message.url == f"/samples/{item.pk}/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [author.email]


def test_in_site_preference_sends_no_email(act, author, reviewer, make_submission):
    prefer(author, Delivery.IN_SITE)
    act(
        obj=make_submission(ReviewState.SUBMITTED),
        transition="reject",
        actor=reviewer,
        comment="不属于本社区事务",
    )

    assert Message.objects.get().recipient == author
    assert mail.outbox == []


def test_immediate_email_carries_comment_and_link(act, author, reviewer, make_submission):
    prefer(author, Delivery.EMAIL_IMMEDIATE)
    item = act(
        obj=make_submission(ReviewState.SUBMITTED),
        transition="return_for_changes",
        actor=reviewer,
        comment="请补充照片",
    )

    (email,) = mail.outbox
    assert email.to == [author.email]
    assert email.subject == Message.objects.get().subject
    assert "请补充照片" in email.body
    assert f"http://testserver/samples/{item.pk}/" in email.body
    assert Message.objects.get().emailed_at is not None


def test_user_without_email_still_gets_the_in_site_message(act, make_user, reviewer, make_submission):
    no_email = make_user("13900000005", "钱七", email="")
    act(obj=make_submission(ReviewState.SUBMITTED, author=no_email), transition="approve", actor=reviewer)
    assert Message.objects.get().recipient == no_email
    assert mail.outbox == []


def test_message_email_goes_out_once(act, author, reviewer, make_submission):
    prefer(author, Delivery.IN_SITE)
    act(obj=make_submission(ReviewState.SUBMITTED), transition="approve", actor=reviewer)
    message = Message.objects.get()
    assert send_message_email_now(message_id=message.pk) is True
    assert send_message_email_now(message_id=message.pk) is False
    assert len(mail.outbox) == 1


def test_daily_digest_is_sent_once(act, author, reviewer, make_submission):
    prefer(author, Delivery.DAILY_DIGEST)
    act(obj=make_submission(ReviewState.SUBMITTED, title="第一件"), transition="approve", actor=reviewer)
    second = make_submission(ReviewState.SUBMITTED, title="第二件")
    act(obj=second, transition="reject", actor=reviewer, comment="重复")
    assert mail.outbox == []  # nothing at once

    call_command("send_notification_digest", stdout=StringIO())
    (digest,) = mail.outbox
    assert digest.to == [author.email]
    assert "第一件" in digest.body and "第二件" in digest.body and "重复" in digest.body
    assert not Message.objects.filter(digested_at__isnull=True).exists()

    call_command("send_notification_digest", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_digest_leaves_out_read_old_and_other_preference_messages(
    act, author, make_user, reviewer, make_submission
):
    prefer(author, Delivery.DAILY_DIGEST)
    act(obj=make_submission(ReviewState.SUBMITTED, title="已读的"), transition="approve", actor=reviewer)
    Message.objects.update(read_at=timezone.now())
    act(obj=make_submission(ReviewState.SUBMITTED, title="太旧的"), transition="approve", actor=reviewer)
    Message.objects.filter(read_at__isnull=True).update(created_at=timezone.now() - timedelta(days=2))
    other = make_user("13900000006", "孙八")  # default delivery: email at once, so not in any digest
    act(obj=make_submission(ReviewState.SUBMITTED, author=other), transition="approve", actor=reviewer)
    mail.outbox.clear()

    assert send_digests() == 0
    assert mail.outbox == []


def test_nothing_is_notified_before_commit(
    django_capture_on_commit_callbacks, author, reviewer, make_submission
):
    item = make_submission(ReviewState.SUBMITTED)
    with django_capture_on_commit_callbacks() as callbacks:
        perform_transition(obj=item, transition="approve", actor=reviewer)
    assert Message.objects.count() == 0 and mail.outbox == []
    # Besides the page cache's own (its generation is bumped again on commit), one callback: the notification.
    notifications = [callback for callback in callbacks if callback is not bump_generation]
    assert len(notifications) == 1
    notifications[0]()
    assert Message.objects.get().recipient == author


def test_rolled_back_transition_leaves_no_trace(
    django_capture_on_commit_callbacks, author, reviewer, make_submission
):
    item = make_submission(ReviewState.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            perform_transition(obj=item, transition="approve", actor=reviewer)
            raise RuntimeError("the caller's later step failed")
    assert callbacks == []
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED
    assert not TransitionLog.objects.exists()
    assert not Message.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_commit_and_rollback(author, reviewer, make_submission):
    """With real transactions: a committed transition notifies, a rolled-back one does not."""
    rolled_back = make_submission(ReviewState.SUBMITTED, title="回滚的")
    with pytest.raises(RuntimeError), transaction.atomic():
        perform_transition(obj=rolled_back, transition="approve", actor=reviewer)
        raise RuntimeError("later step failed")
    assert not Message.objects.exists() and mail.outbox == []
    assert SampleSubmission.objects.get(pk=rolled_back.pk).state == ReviewState.SUBMITTED

    committed = make_submission(ReviewState.SUBMITTED, title="提交的")
    perform_transition(obj=committed, transition="approve", actor=reviewer)
    assert Message.objects.get().recipient == author
    assert [email.to for email in mail.outbox] == [[author.email]]
