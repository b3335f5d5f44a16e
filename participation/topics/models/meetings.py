"""议事会 (表1 task 1: 每月召开1次议事会): a community's deliberation meeting, its agenda and minutes.

The monthly-cadence indicator needs each meeting's date (`starts_at`) and whether it was held (`status`)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class DeliberationMeeting(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("community")
    )
    title = models.CharField(_("title"), max_length=100)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    host = models.CharField(_("host"), max_length=50)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    attendees_count = models.PositiveIntegerField(_("number of attendees"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), max_length=20000, blank=True)
    topics = models.ManyToManyField(
        "topics.ConsultationTopic",
        through="topics.AgendaItem",
        related_name="meetings",
        verbose_name=_("agenda"),
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("deliberation meeting")
        verbose_name_plural = _("deliberation meetings")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["community", "status", "starts_at"], name="meeting_community_time_idx")
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="meeting_title_not_empty"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            # A held meeting counts toward the monthly indicator: it must say how many came.
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.HELD) | Q(attendees_count__isnull=False),
                name="meeting_held_has_attendance",
                violation_error_message=_("A held meeting needs its number of attendees."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in MeetingStatus]),
                name="meeting_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("topics:meeting_detail", args=[self.community.slug, self.pk])

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD


class AgendaItem(models.Model):
    """One topic on one meeting's agenda. Putting it there schedules the topic (services do that)."""

    meeting = models.ForeignKey(
        DeliberationMeeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    topic = models.ForeignKey(
        "topics.ConsultationTopic",
        on_delete=models.PROTECT,
        related_name="agenda_items",
        verbose_name=_("topic"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "topic"], name="agenda_topic_once_per_meeting")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.topic}"
