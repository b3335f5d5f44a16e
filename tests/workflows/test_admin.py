"""Wagtail admin integration: transition view, buttons, timeline, filters, scoping, the review queue."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from tests.workflows.sample import SampleSubmission
from workflows.exceptions import AlreadyHandled, TransitionNotAvailable
from workflows.models import ReviewState, TransitionLog
from workflows.services import TRANSITION_LOG_ACTION, perform_transition

pytestmark = pytest.mark.django_db


def transition_url(item, name):
    return reverse("samplesubmissions:transition", args=[item.pk, name])


def flashed(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_get_shows_the_confirmation_form(client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    response = client.get(transition_url(item, "reject"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="comment"' in content
    assert 'name="seen_state"' in content and 'value="submitted"' in content
    assert response.context["form"].fields["comment"].required is True
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED  # GET changes nothing


def test_post_approves_and_redirects_with_success_message(client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    response = client.post(transition_url(item, "approve"), {"seen_state": "submitted", "comment": ""})

    assert response.status_code == 302
    assert response["Location"] == reverse("samplesubmissions:inspect", args=[item.pk])
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.APPROVED
    assert TransitionLog.objects.get().actor == reviewer
    assert [level for level, _ in flashed(response)] == ["success"]


def test_post_with_comment_returns_for_changes(client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    client.post(
        transition_url(item, "return_for_changes"), {"seen_state": "submitted", "comment": "请补充照片"}
    )
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.RETURNED
    assert TransitionLog.objects.get().comment == "请补充照片"


def test_missing_comment_redisplays_the_form_and_changes_nothing(client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    response = client.post(transition_url(item, "reject"), {"seen_state": "submitted", "comment": "  "})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED
    assert not TransitionLog.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_group_gets_403(method, client, other_staff, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(other_staff)
    response = getattr(client, method)(transition_url(item, "approve"), {"seen_state": "submitted"})
    assert response.status_code == 403
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED


def test_author_with_admin_access_gets_403_on_approve(client, make_user, other_group, make_submission):
    staff_author = make_user("13900000007", "周九", groups=[other_group], is_staff=True)
    item = make_submission(ReviewState.SUBMITTED, author=staff_author)
    client.force_login(staff_author)
    response = client.post(transition_url(item, "approve"), {"seen_state": "submitted"})
    assert response.status_code == 403
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_no_admin_access_is_sent_to_login(who, client, author, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    if who == "resident":
        client.force_login(author)
    response = client.post(transition_url(item, "withdraw"), {"seen_state": "submitted"})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED


def test_csrf_is_enforced(reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)

    response = client.post(transition_url(item, "approve"), {"seen_state": "submitted"})
    assert response.status_code == 403
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.SUBMITTED

    client.get(transition_url(item, "approve"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        transition_url(item, "approve"), {"seen_state": "submitted", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.APPROVED


def test_someone_else_was_faster(client, reviewer, second_reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    client.get(transition_url(item, "reject"))  # the form shows "submitted"…
    perform_transition(obj=item, transition="approve", actor=second_reviewer)  # …then a colleague approves

    response = client.post(transition_url(item, "reject"), {"seen_state": "submitted", "comment": "不行"})
    assert response.status_code == 302
    assert flashed(response) == [("error", str(AlreadyHandled.default_message))]
    assert SampleSubmission.objects.get(pk=item.pk).state == ReviewState.APPROVED
    assert TransitionLog.objects.count() == 1


def test_transition_not_available_in_state(client, reviewer, make_submission):
    item = make_submission(ReviewState.APPROVED)
    client.force_login(reviewer)
    response = client.get(transition_url(item, "approve"))
    assert response.status_code == 302
    assert flashed(response) == [("error", str(TransitionNotAvailable.default_message))]


@pytest.mark.parametrize("name", ["delete", "no_such_action"])
def test_unknown_transition_is_404(name, client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    assert client.get(transition_url(item, name)).status_code == 404


def test_items_outside_the_users_scope(client, reviewer, superuser, make_submission):
    secret = make_submission(ReviewState.SUBMITTED, title="secret 隐藏的")
    visible = make_submission(ReviewState.SUBMITTED, title="公开的")
    client.force_login(reviewer)

    index = client.get(reverse("samplesubmissions:index")).content.decode()
    assert "公开的" in index and "隐藏的" not in index
    assert client.get(transition_url(secret, "approve")).status_code == 404
    assert client.post(transition_url(secret, "approve"), {"seen_state": "submitted"}).status_code == 404
    response = client.get(reverse("samplesubmissions:edit", args=[secret.pk]))
    assert response.status_code != 200  # Wagtail turns PermissionDenied into a redirect with an error
    assert SampleSubmission.objects.get(pk=secret.pk).state == ReviewState.SUBMITTED
    assert client.get(reverse("samplesubmissions:edit", args=[visible.pk])).status_code == 200

    client.force_login(superuser)
    assert "隐藏的" in client.get(reverse("samplesubmissions:index")).content.decode()


def test_edit_and_inspect_show_only_the_users_transitions(client, reviewer, other_staff, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    client.force_login(reviewer)
    for view in ("edit", "inspect"):
        content = client.get(reverse(f"samplesubmissions:{view}", args=[item.pk])).content.decode()
        for name in ("approve", "reject", "return_for_changes"):
            assert transition_url(item, name) in content
        assert transition_url(item, "withdraw") not in content

    client.force_login(other_staff)
    content = client.get(reverse("samplesubmissions:edit", args=[item.pk])).content.decode()
    assert "/transition/" not in content


def test_inspect_shows_the_timeline(client, author, reviewer, make_submission):
    item = make_submission(ReviewState.DRAFT)
    perform_transition(obj=item, transition="submit", actor=author)
    item = SampleSubmission.objects.get(pk=item.pk)
    perform_transition(obj=item, transition="return_for_changes", actor=reviewer, comment="请补充门牌照片")

    client.force_login(reviewer)
    response = client.get(reverse("samplesubmissions:inspect", args=[item.pk]))
    content = response.content.decode()
    assert [log.transition for log in response.context["transition_logs"]] == ["submit", "return_for_changes"]
    assert "请补充门牌照片" in content and "张三" in content and "李四" in content


def test_history_shows_the_transition(client, reviewer, make_submission):
    item = make_submission(ReviewState.SUBMITTED)
    perform_transition(obj=item, transition="reject", actor=reviewer, comment="不属于本社区事务")
    client.force_login(reviewer)
    content = client.get(reverse("samplesubmissions:history", args=[item.pk])).content.decode()
    entry = ModelLogEntry.objects.get(action=TRANSITION_LOG_ACTION)
    # Our formatter's message: "<action>: <from> → <to>" with the labels of the active language.
    expected = gettext("%(action)s: %(from)s → %(to)s") % {
        "action": gettext("Reject"),
        "from": ReviewState.SUBMITTED.label,
        "to": ReviewState.REJECTED.label,
    }
    assert entry.message == expected
    assert expected in content
    assert entry.comment == "不属于本社区事务"


def test_index_filters_by_state_and_submission_date(client, reviewer, make_submission):
    make_submission(ReviewState.SUBMITTED, title="待审的")
    make_submission(ReviewState.APPROVED, title="通过的")
    old = make_submission(ReviewState.SUBMITTED, title="去年的")
    last_year = timezone.now() - datetime.timedelta(days=400)
    SampleSubmission.objects.filter(pk=old.pk).update(submitted_at=last_year)
    client.force_login(reviewer)
    index = reverse("samplesubmissions:index")

    content = client.get(index, {"state": "submitted"}).content.decode()
    assert "待审的" in content and "去年的" in content and "通过的" not in content

    since = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    content = client.get(index, {"state": "submitted", "submitted_at_from": since}).content.decode()
    assert "待审的" in content and "去年的" not in content and "通过的" not in content


def test_review_queue_panel(client, registered_sample, author, reviewer, other_staff, make_submission):
    waiting = make_submission(ReviewState.SUBMITTED, title="等待审核的议题")
    make_submission(ReviewState.DRAFT, title="草稿议题")
    make_submission(ReviewState.SUBMITTED, title="我自己的议题", author=reviewer)

    client.force_login(reviewer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert gettext("Waiting for my review") in content
    assert "等待审核的议题" in content
    assert reverse("samplesubmissions:inspect", args=[waiting.pk]) in content
    assert "草稿议题" not in content and "我自己的议题" not in content

    client.force_login(other_staff)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "等待审核的议题" not in content
