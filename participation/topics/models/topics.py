"""人人议事厅 (docs/architecture.md, “The pieces”): residents' consultation topics, their categories, supports (附议), follows and
comments. Meetings are in topic_meetings.py, moderation in topic_moderation.py."""

import rules
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from participation.models.base import CommunityReviewable, _community_ids
from participation.models.communities import Community
from participation.roles import ROLE_GROUP_NAMES, StaffRole
from workflows.models import AUTHOR, REVIEWER, ReviewState
from workflows.rules import can_review, is_author, transition_permission

COORDINATION_GROUP = ROLE_GROUP_NAMES[StaffRole.COORDINATION]
TITLE_MAX_LENGTH = 80
DESCRIPTION_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 2000


class TopicState(models.TextChoices):
    """The states a topic adds after approval."""

    SCHEDULED = "scheduled", _("On a meeting agenda")
    DECIDED = "decided", _("Decided")
    IMPLEMENTED = "implemented", _("Implemented")


# Approved and later: the states anybody may see (unless the topic is hidden by moderation).
PUBLIC_STATES = (ReviewState.APPROVED, TopicState.SCHEDULED, TopicState.DECIDED, TopicState.IMPLEMENTED)
# Residents support (附议) a topic while it waits for the meeting.
SUPPORTABLE_STATES = (ReviewState.APPROVED, TopicState.SCHEDULED)
# States the author may still edit and (re)submit.
EDITABLE_STATES = (ReviewState.DRAFT, ReviewState.RETURNED)


class TopicCategory(models.Model):
    """A category of topics: global (no community, seeded by a migration) or a community's own."""

    name = models.CharField(_("name"), max_length=30)
    community = models.ForeignKey(
        Community,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="topic_categories",
        verbose_name=_("community"),
        help_text=_("Empty: offered to every community."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("topic category")
        verbose_name_plural = _("topic categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="topic_category_unique_per_community"),
            # NULLs are distinct in a unique index: global names need their own.
            models.UniqueConstraint(
                fields=["name"], condition=Q(community__isnull=True), name="topic_category_unique_global"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="topic_category_name_not_empty"),
        ]

    def __str__(self):
        return self.name


def _on_an_agenda(instance) -> bool:
    return instance.agenda_items.exists()


def _on_no_agenda(instance) -> bool:
    return not instance.agenda_items.exists()


@rules.predicate
def entered_it(user, obj) -> bool:
    """The coordinator who entered the topic for a resident who came in person may submit it for them."""
    return (
        obj is not None
        and user is not None
        and user.is_authenticated
        and user.is_active
        and obj.entered_by_id is not None
        and obj.entered_by_id == user.pk
        and type(obj).user_is_reviewer(user)
        and (user.is_superuser or obj.community_id in _community_ids(user))
    )


@rules.predicate
def converted_it(user, obj) -> bool:
    """Staff who turned a 民情日记 concern into a topic for the household's resident submit it for them (the
    conversion service checked they may convert that entry)."""
    return (
        obj is not None
        and user is not None
        and user.is_authenticated
        and user.is_active
        and obj.source_diary_entry_id is not None
        and obj.entered_by_id == user.pk
        and (user.is_superuser or obj.community_id in _community_ids(user))
    )


class ConsultationTopic(CommunityReviewable):
    """议题: a resident proposes; the coordination group reviews; the 议事会 decides; it gets implemented."""

    reviewer_groups = (COORDINATION_GROUP,)
    state_choices = [*ReviewState.choices, *TopicState.choices]
    notification_kind = "topic_review"

    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    category = models.ForeignKey(
        TopicCategory, on_delete=models.PROTECT, related_name="topics", verbose_name=_("category")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by staff"),
        help_text=_("Set when staff entered the topic for a resident who came in person."),
    )
    # The 民情日记 entry it was raised from: staff-only, never shown on a public page.
    source_diary_entry = models.ForeignKey(
        "grids.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics",
        verbose_name=_("from the visit diary entry"),
        editable=False,
    )
    resolution = models.TextField(_("resolution"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_in = models.ForeignKey(
        "topics.DeliberationMeeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_topics",
        verbose_name=_("decided in meeting"),
        editable=False,
    )
    implementation_note = models.TextField(_("implementation note"), blank=True)
    implemented_at = models.DateTimeField(_("implemented at"), null=True, blank=True, editable=False)
    # Moderation: a hidden topic never appears on public pages, whatever its state.
    is_hidden = models.BooleanField(_("hidden"), default=False, editable=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True, editable=False)

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("consultation topic")
        verbose_name_plural = _("consultation topics")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["community", "state", "-created_at"], name="topic_community_state_idx")
        ]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(condition=~Q(title=""), name="topic_title_not_empty"),
            models.CheckConstraint(
                condition=~Q(state__in=[TopicState.DECIDED, TopicState.IMPLEMENTED]) | ~Q(resolution=""),
                name="topic_decided_has_resolution",
                violation_error_message=_("A decided topic needs its resolution."),
            ),
            models.CheckConstraint(
                condition=~Q(state=TopicState.IMPLEMENTED) | ~Q(implementation_note=""),
                name="topic_implemented_has_note",
            ),
            models.CheckConstraint(
                condition=Q(is_hidden=False) | ~Q(hidden_reason=""), name="topic_hidden_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(entered_by__isnull=True) | ~Q(entered_by=F("author")),
                name="topic_entered_by_someone_else",
            ),
            models.UniqueConstraint(
                fields=["source_diary_entry"],
                condition=Q(source_diary_entry__isnull=False),
                name="topic_one_per_diary_entry",
                violation_error_message=_("This diary entry has already been turned into a topic."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("topics:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES and not self.is_hidden

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    # --- who reviews: the community's coordination group, but never whoever entered the topic ------

    def user_can_review(self, user) -> bool:
        return super().user_can_review(user) and not (self.entered_by_id and self.entered_by_id == user.pk)

    @classmethod
    def filter_review_queue(cls, queryset, user):
        return super().filter_review_queue(queryset, user).exclude(entered_by_id=user.pk)

    # --- transitions (the common ones are inherited) --------------------------------------------------

    @transition(
        field="state",
        source=[ReviewState.DRAFT, ReviewState.RETURNED],
        target=ReviewState.SUBMITTED,
        permission=transition_permission(is_author | entered_it | converted_it),
        custom={"label": _("Submit"), "actor": AUTHOR, "comment_required": False},
    )
    def submit(self, *, actor=None, comment=""):
        self.submitted_at = timezone.now()

    @transition(
        field="state",
        source=ReviewState.APPROVED,
        target=TopicState.SCHEDULED,
        conditions=[_on_an_agenda],
        permission=transition_permission(can_review),
        custom={"label": _("Put on the agenda"), "actor": REVIEWER, "comment_required": False},
    )
    def schedule(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=TopicState.SCHEDULED,
        target=ReviewState.APPROVED,
        conditions=[_on_no_agenda],
        permission=transition_permission(can_review),
        custom={"label": _("Take off the agenda"), "actor": REVIEWER, "comment_required": False},
    )
    def unschedule(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=TopicState.SCHEDULED,
        target=TopicState.DECIDED,
        permission=transition_permission(can_review),
        custom={"label": _("Record the decision"), "actor": REVIEWER, "comment_required": True},
    )
    def decide(self, *, actor=None, comment=""):
        # The comment is the resolution; the meeting is the latest one that had the topic on its agenda.
        self.resolution = comment
        self.decided_at = timezone.now()
        self.decided_in_id = (
            self.agenda_items.order_by("-meeting__starts_at").values_list("meeting_id", flat=True).first()
        )

    @transition(
        field="state",
        source=TopicState.DECIDED,
        target=TopicState.IMPLEMENTED,
        permission=transition_permission(can_review),
        custom={"label": _("Mark as implemented"), "actor": REVIEWER, "comment_required": True},
    )
    def implement(self, *, actor=None, comment=""):
        self.implementation_note = comment
        self.implemented_at = timezone.now()


class TopicSupport(models.Model):
    """附议: one verified resident supports one topic, once (the database says so)."""

    topic = models.ForeignKey(
        ConsultationTopic, on_delete=models.CASCADE, related_name="supports", verbose_name=_("topic")
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_supports",
        verbose_name=_("resident"),
    )
    created_at = models.DateTimeField(_("supported at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("topic support")
        verbose_name_plural = _("topic supports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "resident"], name="topic_support_once_per_resident"),
        ]

    def __str__(self):
        return f"{self.resident} → {self.topic}"


class TopicFollow(models.Model):
    """Someone who wants to hear about new comments on a topic."""

    topic = models.ForeignKey(
        ConsultationTopic, on_delete=models.CASCADE, related_name="follows", verbose_name=_("topic")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_follows",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("followed at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("topic follow")
        verbose_name_plural = _("topic follows")
        constraints = [models.UniqueConstraint(fields=["topic", "user"], name="topic_follow_once")]

    def __str__(self):
        return f"{self.user} ⇢ {self.topic}"


class TopicComment(models.Model):
    """A comment on a public topic, or a reply to one (one level: a reply has no replies)."""

    topic = models.ForeignKey(
        ConsultationTopic, on_delete=models.CASCADE, related_name="comments", verbose_name=_("topic")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    is_hidden = models.BooleanField(_("hidden"), default=False, editable=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("topic comment")
        verbose_name_plural = _("topic comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"], name="topic_comment_time_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="topic_comment_not_empty"),
            models.CheckConstraint(
                condition=Q(is_hidden=False) | ~Q(hidden_reason=""), name="topic_comment_hidden_has_reason"
            ),
        ]

    def __str__(self):
        return self.body[:40]
