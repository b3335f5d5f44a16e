"""Activity sign-up (docs/architecture.md, “The pieces”): who signed up for which activity page, the waitlist, attendance.

participation never imports home: an activity is any Wagtail page; the services read its capacity, deadline,
points and volunteer hours from `page.specific` by attribute (home.ActivityPage has them)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class ActivityRoster(models.Model):
    """One row per activity that has sign-ups: the row every sign-up and cancellation locks, so that
    the last seat goes to exactly one person when two ask for it at once."""

    activity = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="activity_roster",
        verbose_name=_("activity"),
    )
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="activity_rosters", verbose_name=_("community")
    )

    class Meta:
        verbose_name = _("activity roster")
        verbose_name_plural = _("activity rosters")

    def __str__(self):
        return str(self.activity)


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


def new_check_in_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


class ActivitySignup(models.Model):
    activity = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="activity_signups",
        verbose_name=_("activity"),
    )
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="activity_signups", verbose_name=_("community")
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_signups",
        verbose_name=_("resident"),
    )
    status = models.CharField(_("status"), max_length=12, choices=SignupStatus.choices, db_index=True)
    # Shown to the resident; staff type it in to check them in. Six digits, unique within the activity.
    check_in_code = models.CharField(_("check-in code"), max_length=6, default=new_check_in_code)
    created_at = models.DateTimeField(_("signed up at"), db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked in by"),
    )

    class Meta:
        verbose_name = _("activity sign-up")
        verbose_name_plural = _("activity sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live sign-up per resident; a cancelled one does not count, so they may sign up again.
            models.UniqueConstraint(
                fields=["activity", "resident"],
                condition=~Q(status=SignupStatus.CANCELLED),
                name="activity_one_active_signup_per_resident",
                violation_error_message=_("You have already signed up for this activity."),
            ),
            models.UniqueConstraint(
                fields=["activity", "check_in_code"], name="activity_check_in_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(status=SignupStatus.CONFIRMED),
                name="activity_only_confirmed_attend",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_at__isnull=True) | Q(status=SignupStatus.CANCELLED),
                name="activity_cancelled_has_status",
            ),
        ]

    def __str__(self):
        return f"{self.resident} · {self.activity} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status != SignupStatus.CANCELLED

    @property
    def attended(self) -> bool:
        return self.attended_at is not None
