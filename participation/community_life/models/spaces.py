"""共享客厅 (表1 task 3, 注2 “四厅”): the community's shared spaces, their opening hours, and bookings.

A booking is a CommunityReviewable: the resident (or a club's leader, for the club) requests a slot, which
is `submitted` (requested); the operations or coordination group approves it or declines it with a reason; the
booker may cancel it before it starts. Requested and approved bookings of one space never overlap: checked in
the booking service, and on PostgreSQL enforced by an exclusion constraint (migration 0007_community_life)."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import transition
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from participation.community_life.models.clubs import Club
from participation.models.base import CommunityReviewable
from participation.models.communities import Community
from participation.roles import ROLE_GROUP_NAMES, StaffRole
from workflows.models import AUTHOR, REVIEWER, ReviewState
from workflows.models.reviewable import author_may, reviewer_may


def now():
    """The clock of bookings (tests patch it)."""
    return timezone.now()


class SpaceKind(models.TextChoices):
    NEIGHBOURHOOD_LOUNGE = "lounge", _("Neighbourhood lounge")  # 睦邻会客厅
    SERVICE_HALL = "service_hall", _("Service hall")  # 便民服务厅
    DELIBERATION_HALL = "deliberation_hall", _("Residents' deliberation hall")  # 居民议事厅
    CULTURE_HALL = "culture_hall", _("Culture exhibition hall")  # 文化展示厅
    SQUARE = "square", _("Renren square")  # 人人广场
    OTHER = "other", _("Other space")


class Weekday(models.IntegerChoices):
    # Python's date.weekday(): Monday is 0.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class SharedSpace(ClusterableModel):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="shared_spaces", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("People; empty if not limited.")
    )
    location = models.CharField(_("location"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive spaces are hidden and cannot be booked.")
    )

    class Meta:
        verbose_name = _("shared space")
        verbose_name_plural = _("shared spaces")
        ordering = ["community", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="shared_space_unique_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("spaces:detail", args=[self.pk])


class OpeningHours(models.Model):
    """One opening interval on one weekday; a day may have several (morning and afternoon)."""

    space = ParentalKey(
        SharedSpace, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("space")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_closes_after_opens"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="opening_hours_weekday_valid"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class BookingState(models.TextChoices):
    CANCELLED = "cancelled", _("Cancelled")


# Bookings in these states hold their slot (requested = submitted, and approved).
HOLDING_STATES = (ReviewState.SUBMITTED, ReviewState.APPROVED)


def _not_started(booking) -> bool:
    return booking.starts_at > now()


class SpaceBooking(CommunityReviewable):
    reviewer_groups = (ROLE_GROUP_NAMES[StaffRole.OPERATIONS], ROLE_GROUP_NAMES[StaffRole.COORDINATION])
    state_choices = [*ReviewState.choices, *BookingState.choices]
    notification_kind = "spacebooking_review"

    space = models.ForeignKey(
        SharedSpace, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("space")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    purpose = models.CharField(_("purpose"), max_length=200)
    attendees = models.PositiveIntegerField(_("expected attendees"), default=1)
    club = models.ForeignKey(
        Club,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="space_bookings",
        verbose_name=_("for the club"),
    )

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("space booking")
        verbose_name_plural = _("space bookings")
        ordering = ["-date", "-start_time"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            # Also rules out a booking across midnight: it would end "before" it starts on its date.
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="space_booking_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(attendees__gte=1), name="space_booking_attendees_positive"),
        ]
        indexes = [models.Index(fields=["space", "date"], name="space_booking_space_date")]

    # Bookings are not sent back for changes, nor withdrawn: the booker cancels and books again.
    return_for_changes = None
    withdraw = None

    def __str__(self):
        return f"{self.space} {self.date:%Y-%m-%d} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def get_absolute_url(self):
        return reverse("spaces:detail", args=[self.space_id])

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=ReviewState.REJECTED,
        permission=reviewer_may,
        custom={"label": _("Decline"), "actor": REVIEWER, "comment_required": True},
    )
    def reject(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=[ReviewState.SUBMITTED, ReviewState.APPROVED],
        target=BookingState.CANCELLED,
        conditions=[_not_started],
        permission=author_may,
        custom={"label": _("Cancel booking"), "actor": AUTHOR, "comment_required": False},
    )
    def cancel(self, *, actor=None, comment=""):
        pass
