"""积分申领 (docs/architecture.md, “The pieces”): a verified resident claims a positive behaviour of the 积分清单; the operations
group of the community approves it (→ a ledger entry), returns it for changes or rejects it."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from participation.models.base import CommunityReviewable
from participation.points.models.behaviour_items import BehaviourItem
from participation.roles import ROLE_GROUP_NAMES, StaffRole
from workflows.models import REVIEWER, ReviewState
from workflows.models.reviewable import reviewer_may


def _has_author(claim) -> bool:
    # Points go to the author: a claim whose account is gone cannot be approved.
    return claim.author_id is not None


class PointsClaim(CommunityReviewable):
    behaviour = models.ForeignKey(
        BehaviourItem, on_delete=models.PROTECT, related_name="claims", verbose_name=_("behaviour")
    )
    description = models.TextField(
        _("what I did"), max_length=1000, help_text=_("When, where and what you did, in a few sentences.")
    )
    # The item's points when the claim was made: the reviewer approves what the resident saw and asked for,
    # whatever the 积分清单 says later.
    points = models.PositiveIntegerField(_("points"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    reviewer_groups = (ROLE_GROUP_NAMES[StaffRole.OPERATIONS],)
    notification_kind = "pointsclaim_review"

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("points claim")
        verbose_name_plural = _("points claims")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(condition=Q(points__gt=0), name="points_claim_points_positive"),
            models.CheckConstraint(
                condition=Q(state=ReviewState.APPROVED, approved_at__isnull=False)
                | ~Q(state=ReviewState.APPROVED),
                name="points_claim_approved_has_time",
            ),
        ]
        indexes = [models.Index(fields=["community", "state", "-approved_at"], name="points_claim_board_idx")]

    def __str__(self):
        return f"{self.behaviour.text[:30]}（{self.points}分）"

    def get_absolute_url(self):
        return reverse("points:claim_detail", args=(self.pk,))

    def notification_url(self, *, recipient, as_reviewer: bool) -> str:
        # Reviewers inspect claims (they have no edit permission: a resident's words are not changed).
        if as_reviewer:
            return reverse("points_claims:inspect", args=(self.pk,))
        return self.get_absolute_url()

    # Approval's ledger entry is written by the points app's handler of this transition (points/handlers.py),
    # which perform_transition runs inside its transaction: the entry and the new state commit together.
    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=ReviewState.APPROVED,
        conditions=[_has_author],
        permission=reviewer_may,
        custom={"label": _("Approve"), "actor": REVIEWER, "comment_required": False},
    )
    def approve(self, *, actor=None, comment=""):
        self.approved_at = timezone.now()
