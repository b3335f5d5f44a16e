"""积分申领: who may claim what, the review permission matrix, and approval writing exactly one entry."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from participation.models import User
from participation.points import selectors
from participation.points.models import EntryKind, PointsClaim, PointsEntry
from participation.points.services import ClaimRefused, submit_claim
from participation.roles import RESIDENT_GROUP
from tests.conftest import PASSWORD
from workflows.exceptions import AlreadyHandled, CommentRequired, TransitionForbidden, TransitionNotAvailable
from workflows.models import ReviewState, TransitionLog
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db


def claim(resident, behaviour, description="周六上午在小区清理楼道杂物"):
    return submit_claim(resident=resident, behaviour=behaviour, description=description)


def test_a_verified_resident_claims_a_positive_behaviour(verified_a, positive_a):
    made = claim(verified_a, positive_a)
    assert made.state == ReviewState.SUBMITTED
    assert made.points == 5 and made.community == positive_a.community
    assert selectors.balance(resident=verified_a) == 0  # nothing until approved


@pytest.mark.parametrize(
    "case, message",
    [
        ("unverified", "只有已核实的居民才能申领积分"),
        ("negative", "负面行为不能申领"),
        ("inactive", "已不在积分清单上"),
        ("other_community", "不在您所在社区的积分清单上"),
    ],
)
def test_claims_that_are_refused_save_nothing(
    case, message, resident_a, verified_a, positive_a, negative_a, inactive_a, positive_b
):
    if case == "unverified":
        User.objects.filter(pk=resident_a.pk).update(verified_at=None)
        resident, behaviour = User.objects.get(pk=resident_a.pk), positive_a
    else:
        resident = verified_a
        behaviour = {"negative": negative_a, "inactive": inactive_a, "other_community": positive_b}[case]
    with pytest.raises(ClaimRefused) as error:
        claim(resident, behaviour)
    assert message in error.value.messages[0]
    assert not PointsClaim.objects.exists()


def test_an_empty_description_is_refused(verified_a, positive_a):
    with pytest.raises(ValidationError) as error:
        claim(verified_a, positive_a, description="   ")
    assert "请描述" in error.value.messages[0]
    assert not PointsClaim.objects.exists()


def test_approval_records_exactly_one_entry(verified_a, positive_a, operations_a):
    made = claim(verified_a, positive_a)
    approved = perform_transition(obj=made, transition="approve", actor=operations_a)
    assert approved.state == ReviewState.APPROVED and approved.approved_at is not None
    entry = PointsEntry.objects.get()
    assert (entry.delta, entry.kind, entry.source, entry.actor) == (
        5,
        EntryKind.CLAIM,
        approved,
        operations_a,
    )
    assert selectors.balance(resident=verified_a) == 5
    # Approving again: the stale copy is refused, and a fresh one has no approve left.
    with pytest.raises(AlreadyHandled):
        perform_transition(obj=made, transition="approve", actor=operations_a)
    with pytest.raises((TransitionNotAvailable, TransitionForbidden)):
        perform_transition(obj=approved, transition="approve", actor=operations_a)
    assert PointsEntry.objects.count() == 1


def test_a_failure_after_the_entry_rolls_back_entry_and_approval(verified_a, positive_a, operations_a):
    made = claim(verified_a, positive_a)
    with mock.patch("workflows.services.wagtail_log", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            perform_transition(obj=made, transition="approve", actor=operations_a)
    assert PointsClaim.objects.get().state == ReviewState.SUBMITTED
    assert not PointsEntry.objects.exists()
    assert selectors.balance(resident=verified_a) == 0


@pytest.mark.parametrize("transition", ["reject", "return_for_changes"])
def test_reject_and_return_need_a_reason_and_award_nothing(verified_a, positive_a, operations_a, transition):
    made = claim(verified_a, positive_a)
    with pytest.raises(CommentRequired):
        perform_transition(obj=made, transition=transition, actor=operations_a, comment="  ")
    done = perform_transition(obj=made, transition=transition, actor=operations_a, comment="照片看不清")
    assert done.state in (ReviewState.REJECTED, ReviewState.RETURNED)
    assert TransitionLog.objects.filter(transition=transition, comment="照片看不清").exists()
    assert not PointsEntry.objects.exists()


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("13800009999", PASSWORD, display_name="管理员")


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("operations_a", True),
        ("superuser", True),
        ("operations_b", False),
        ("coordinator_a", False),
        ("publicity_a", False),
        ("author", False),
    ],
)
def test_permission_matrix_of_review(request, who, allowed, verified_a, positive_a):
    made = claim(verified_a, positive_a)
    actor = verified_a if who == "author" else request.getfixturevalue(who)
    for transition in ("approve", "reject", "return_for_changes"):
        assert (transition in {s.name for s in made.available_transitions_for(actor)}) is allowed
    if allowed:
        perform_transition(obj=made, transition="approve", actor=actor)
        assert PointsEntry.objects.count() == 1
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=made, transition="approve", actor=actor)
        assert not PointsEntry.objects.exists()


def test_four_eyes_staff_never_approve_their_own_claim(
    operations_a, operations_a2, coordinator_a, positive_a
):
    # An operations member who also lives in the community, verified, claims like any resident.
    operations_a.groups.add(Group.objects.get(name=RESIDENT_GROUP))
    operations_a.verified_at = coordinator_a.date_joined
    operations_a.save(update_fields=["verified_at"])
    own = claim(operations_a, positive_a)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=own, transition="approve", actor=operations_a)
    perform_transition(obj=own, transition="approve", actor=operations_a2)
    assert selectors.balance(resident=operations_a) == 5


def test_the_author_withdraws_and_resubmits_a_returned_claim(client, verified_a, positive_a, operations_a):
    made = claim(verified_a, positive_a)
    perform_transition(obj=made, transition="return_for_changes", actor=operations_a, comment="请补充时间")
    client.force_login(verified_a)
    url = reverse("points:claim_detail", args=(made.pk,))
    page = client.get(url).content.decode()
    assert "请补充时间" in page and "修改后重新提交" in page
    response = client.post(url, {"behaviour": positive_a.pk, "description": "5月4日上午清理楼道"})
    assert response.status_code == 302
    made = PointsClaim.objects.get()
    assert made.state == ReviewState.SUBMITTED and made.description == "5月4日上午清理楼道"
    client.post(reverse("points:claim_withdraw", args=(made.pk,)))
    assert PointsClaim.objects.get().state == ReviewState.WITHDRAWN


def test_nobody_else_sees_a_residents_claim(client, verified_a, positive_a, make_resident):
    made = claim(verified_a, positive_a)
    client.force_login(make_resident("13900000111", "王五"))
    assert client.get(reverse("points:claim_detail", args=(made.pk,))).status_code == 404
    assert client.post(reverse("points:claim_withdraw", args=(made.pk,))).status_code == 404
    assert PointsClaim.objects.get().state == ReviewState.SUBMITTED


def test_the_claim_form(client, verified_a, positive_a, negative_a):
    client.force_login(verified_a)
    page = client.get(reverse("points:claim")).content.decode()
    assert "参与社区志愿服务活动" in page and "高空抛物" not in page  # negative behaviours are not offered
    response = client.post(reverse("points:claim"), {"behaviour": negative_a.pk, "description": "x"})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not PointsClaim.objects.exists()
    response = client.post(reverse("points:claim"), {"behaviour": positive_a.pk, "description": "清理楼道"})
    made = PointsClaim.objects.get()
    assert response.status_code == 302 and response.url == made.get_absolute_url()
    assert "已提交" in client.get(response.url).content.decode()


def test_an_unverified_resident_gets_the_reason_not_a_form(client, resident_a, positive_a):
    client.force_login(resident_a)
    page = client.get(reverse("points:claim")).content.decode()
    assert "只有已核实的居民才能申领积分" in page and "<textarea" not in page
    response = client.post(reverse("points:claim"), {"behaviour": positive_a.pk, "description": "清理楼道"})
    assert "只有已核实的居民才能申领积分" in response.content.decode()
    assert not PointsClaim.objects.exists()


def test_operations_approve_in_the_admin(client, verified_a, positive_a, operations_a, operations_b):
    made = claim(verified_a, positive_a)
    url = reverse("points_claims:transition", args=(made.pk, "approve"))
    client.force_login(operations_b)
    assert client.get(reverse("points_claims:inspect", args=(made.pk,))).status_code in (403, 404, 302)
    assert client.post(url, {"seen_state": "submitted"}).status_code in (403, 404)
    client.force_login(operations_a)
    inspect = client.get(reverse("points_claims:inspect", args=(made.pk,))).content.decode()
    assert "通过" in inspect and "参与社区志愿服务活动" in inspect
    response = client.post(url, {"seen_state": "submitted", "comment": ""})
    assert response.status_code == 302
    assert PointsClaim.objects.get().state == ReviewState.APPROVED
    assert selectors.balance(resident=verified_a) == 5
