"""Volunteers (志愿者, docs/architecture.md, “The pieces”, 表1 task 11): registrations, teams and the hours log.

A resident counts as a volunteer while their registration is active: `active_volunteer_count` in
participation.volunteers.selectors gives the figure the "志愿者 ≥ 常住人口 × 20 %" indicator needs."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models.base import CommunityReviewable
from participation.models.communities import Community
from participation.roles import ROLE_GROUP_NAMES, StaffRole


class VolunteerTeam(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="volunteer_teams", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("volunteer team")
        verbose_name_plural = _("volunteer teams")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="volunteer_team_name_unique")
        ]

    def __str__(self):
        return self.name


class Volunteer(models.Model):
    """A resident's volunteer registration (one per resident)."""

    resident = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer",
        verbose_name=_("resident"),
    )
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="volunteers", verbose_name=_("community")
    )
    skills = models.CharField(_("skills"), max_length=200, blank=True)
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    # When they agreed to the volunteer code (志愿者守则); an imported paper registration sets the import time.
    agreed_code_at = models.DateTimeField(_("agreed to the code at"), default=timezone.now)
    teams = models.ManyToManyField(VolunteerTeam, blank=True, related_name="members", verbose_name=_("teams"))
    is_active = models.BooleanField(_("active"), default=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["-registered_at", "-pk"]

    def __str__(self):
        return str(self.resident)


MAX_HOURS_PER_DAY = Decimal("24")


class VolunteerHours(CommunityReviewable):
    """Hours a volunteer served: logged by themselves (counted once the operations group approves), or
    recorded automatically, already approved, when staff check them in at a volunteer activity."""

    reviewer_groups = (ROLE_GROUP_NAMES[StaffRole.OPERATIONS],)
    notification_kind = "volunteer_hours_review"

    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal("0.1"), message=_("Hours must be more than 0 and at most 24.")),
            MaxValueValidator(MAX_HOURS_PER_DAY, message=_("Hours must be more than 0 and at most 24.")),
        ],
    )
    description = models.CharField(_("what was done"), max_length=200)
    signup = models.OneToOneField(
        "activities.ActivitySignup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="volunteer_hours",
        verbose_name=_("activity sign-up"),
        help_text=_("Set when the hours come from attendance at a volunteer activity."),
    )

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        ordering = ["-date", "-pk"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS_PER_DAY),
                name="volunteer_hours_between_0_and_24",
                violation_error_message=_("Hours must be more than 0 and at most 24."),
            ),
        ]

    def __str__(self):
        return f"{self.author} · {self.date} · {self.hours}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("volunteering:my_hours")
