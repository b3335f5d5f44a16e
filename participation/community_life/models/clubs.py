"""人人社团 (表1 task 21): clubs residents propose and the operations group approves, and their members."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from participation.models.base import CommunityReviewable
from participation.roles import ROLE_GROUP_NAMES, StaffRole


class ClubCategory(models.TextChoices):
    CULTURE = "culture", _("Culture and arts")
    SPORTS = "sports", _("Sports and fitness")
    LEARNING = "learning", _("Learning and reading")
    HOBBY = "hobby", _("Hobbies")
    CHARITY = "charity", _("Charity and volunteering")
    MUTUAL_AID = "mutual_aid", _("Mutual aid")
    OTHER = "other", _("Other")


class Club(CommunityReviewable):
    """A resident proposes it (the author); 建设运行组 of its community approves, returns or rejects it.

    Only an approved club is public and open to members. The leader is listed apart from the members."""

    reviewer_groups = (ROLE_GROUP_NAMES[StaffRole.OPERATIONS],)
    notification_kind = "club_review"

    name = models.CharField(_("name"), max_length=60)
    description = models.TextField(_("description"), max_length=2000)
    category = models.CharField(_("category"), max_length=20, choices=ClubCategory.choices)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_clubs",
        verbose_name=_("leader"),
        help_text=_("The resident who proposed the club, unless staff choose another."),
    )
    meeting_time = models.CharField(
        _("regular meeting time"), max_length=60, help_text=_("For example: 每周三 19:00")
    )
    place = models.CharField(_("place"), max_length=120)
    member_limit = models.PositiveIntegerField(
        _("member limit"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    # Kept simple on purpose: the club's activities are ordinary activity or news pages; the club links one.
    activities_url = models.URLField(
        _("activities link"),
        blank=True,
        help_text=_("Optional: a page listing the club's activities, e.g. an activity page of this site."),
    )

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        ordering = ["community", "name"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(member_limit__isnull=True) | Q(member_limit__gte=1),
                name="club_member_limit_positive",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clubs:detail", args=[self.pk])


class ClubMembership(models.Model):
    """A resident's membership of a club; leaving keeps the row (left_at) so the history stays."""

    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("club")
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="club_memberships",
        verbose_name=_("resident"),
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("club membership")
        verbose_name_plural = _("club memberships")
        ordering = ["joined_at", "pk"]
        constraints = [
            # One active membership per resident and club: joining twice at once cannot duplicate it.
            models.UniqueConstraint(
                fields=["club", "resident"],
                condition=Q(left_at__isnull=True),
                name="club_one_active_membership",
            ),
        ]

    def __str__(self):
        return f"{self.club} · {self.resident}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None
