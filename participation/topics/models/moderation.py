"""Moderation of the 议事厅: reports of a topic or comment gather in one open case per item, which the
coordination group closes by hiding the item (with a reason the author is told) or dismissing the reports.

The case is a CommunityReviewable so that every moderation action is a logged transition with a timeline,
appears in the 待我审核 panel and notifies the coordinators of the community."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from participation.models.base import CommunityReviewable, _community_ids
from participation.topics.models.topics import COORDINATION_GROUP, ConsultationTopic, TopicComment
from workflows.models import REVIEWER, ReviewState
from workflows.rules import can_review, transition_permission

# An item reported by this many different people is hidden until a coordinator reviews it.
AUTO_HIDE_REPORTS = 3
OPEN_CASE_STATES = (ReviewState.DRAFT, ReviewState.SUBMITTED)


class CaseState(models.TextChoices):
    HIDDEN = "hidden", _("Item hidden")
    DISMISSED = "dismissed", _("Reports dismissed")


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Abusive or insulting")
    SPAM = "spam", _("Advertising or spam")
    PRIVACY = "privacy", _("Reveals someone's private information")
    FALSE = "false", _("False or misleading")
    OTHER = "other", _("Other")


class ModerationCase(CommunityReviewable):
    """The reports of one item while they wait for a decision. `author` is whoever reported it first."""

    reviewer_groups = (COORDINATION_GROUP,)
    state_choices = [
        (ReviewState.DRAFT, _("Being reported")),
        (ReviewState.SUBMITTED, _("Awaiting moderation")),
        *CaseState.choices,
    ]
    open_states = OPEN_CASE_STATES
    notification_kind = "topic_moderation_review"

    # A case is opened, then hidden or dismissed: none of the common review outcomes apply.
    approve = None
    return_for_changes = None
    reject = None
    withdraw = None

    topic = models.ForeignKey(
        ConsultationTopic,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_cases",
        verbose_name=_("topic"),
    )
    comment = models.ForeignKey(
        TopicComment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_cases",
        verbose_name=_("comment"),
    )
    auto_hidden_at = models.DateTimeField(
        _("hidden automatically at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when enough different people reported the item."),
    )

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation queue")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(topic__isnull=True) ^ Q(comment__isnull=True), name="moderation_case_one_item"
            ),
            models.UniqueConstraint(
                fields=["topic"],
                condition=Q(state__in=OPEN_CASE_STATES),
                name="moderation_one_open_case_per_topic",
            ),
            models.UniqueConstraint(
                fields=["comment"],
                condition=Q(state__in=OPEN_CASE_STATES),
                name="moderation_one_open_case_per_comment",
            ),
        ]

    def __str__(self):
        item = self.item
        kind = _("Topic") if self.topic_id else _("Comment")
        return f"{kind}: {str(item)[:40]}" if item is not None else str(kind)

    @property
    def item(self):
        return self.topic if self.topic_id else self.comment

    @property
    def item_author_id(self):
        item = self.item
        return getattr(item, "author_id", None)

    @property
    def report_count(self) -> int:
        return self.reports.count()

    report_count.fget.short_description = _("reports")

    @property
    def reported_text(self) -> str:
        item = self.item
        if item is None:
            return ""
        if self.topic_id:
            return f"{item.title}\n\n{item.description}"
        return item.body

    reported_text.fget.short_description = _("reported item")

    @property
    def reports_summary(self) -> str:
        return "；".join(
            f"{report.get_reason_display()}{'：' + report.details if report.details else ''}"
            for report in self.reports.all()
        )

    reports_summary.fget.short_description = _("reports")

    # A coordinator may judge a report they made, but never one about their own topic or comment.
    def user_can_review(self, user) -> bool:
        if not type(self).user_is_reviewer(user):
            return False
        if not (user.is_superuser or self.community_id in _community_ids(user)):
            return False
        return self.item_author_id != user.pk

    @classmethod
    def filter_review_queue(cls, queryset, user):
        if not cls.user_is_reviewer(user):
            return queryset.none()
        if not user.is_superuser:
            queryset = queryset.filter(community_id__in=_community_ids(user))
        return queryset.exclude(topic__author_id=user.pk).exclude(comment__author_id=user.pk)

    def notification_url(self, *, recipient, as_reviewer: bool) -> str:
        # Reporters are told the outcome; the item itself may now be hidden, so no link for them.
        return super().notification_url(recipient=recipient, as_reviewer=True) if as_reviewer else ""

    def _set_hidden(self, hidden: bool, reason: str) -> None:
        item = type(self.item)._default_manager.select_for_update().get(pk=self.item.pk)
        item.is_hidden = hidden
        item.hidden_reason = reason if hidden else ""
        item.save(update_fields=["is_hidden", "hidden_reason"])

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=CaseState.HIDDEN,
        permission=transition_permission(can_review),
        custom={"label": _("Hide the item"), "actor": REVIEWER, "comment_required": True},
    )
    def hide(self, *, actor=None, comment=""):
        # The author is told by the topics app's handler of this transition (topics/handlers.py).
        self._set_hidden(True, comment)

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=CaseState.DISMISSED,
        permission=transition_permission(can_review),
        custom={"label": _("Dismiss the reports"), "actor": REVIEWER, "comment_required": False},
    )
    def dismiss(self, *, actor=None, comment=""):
        # Only what the reports hid comes back: an item hidden by an earlier decision stays hidden.
        if self.auto_hidden_at is not None:
            self._set_hidden(False, "")


class TopicReport(models.Model):
    """One person's report of an item, in the item's open case; once per person and case."""

    case = models.ForeignKey(
        ModerationCase, on_delete=models.CASCADE, related_name="reports", verbose_name=_("moderation case")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_reports",
        verbose_name=_("reporter"),
    )
    reason = models.CharField(_("reason"), max_length=10, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reporter"], name="topic_report_once_per_case"),
            models.CheckConstraint(
                condition=Q(reason__in=[choice.value for choice in ReportReason]),
                name="topic_report_reason_valid",
            ),
        ]

    def __str__(self):
        return f"{self.reporter}: {self.get_reason_display()}"
