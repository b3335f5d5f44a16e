"""5/10/15分钟便民服务圈 (表1 task 18, standard 5.2.1–5.2.2): service points around the community centre."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class WalkingTime(models.IntegerChoices):
    FIVE = 5, _("5 minutes' walk")
    TEN = 10, _("10 minutes' walk")
    FIFTEEN = 15, _("15 minutes' walk")


class ServiceCategory(models.TextChoices):
    ELDERLY_CARE = "elderly_care", _("Elderly care")
    CHILDCARE = "childcare", _("Childcare")
    HEALTH = "health", _("Health")
    SUPERMARKET = "supermarket", _("Supermarket")
    EXPRESS = "express", _("Parcels and express delivery")
    CHARGING = "charging", _("Charging")
    BANK = "bank", _("Bank")
    GOVERNMENT = "government", _("Government services")
    OTHER = "other", _("Other")


class ServicePoint(models.Model):
    """One entry of the community's service directory, kept by the coordination group in the admin."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="service_points", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=80)
    category = models.CharField(_("category"), max_length=20, choices=ServiceCategory.choices)
    address = models.CharField(_("address"), max_length=200)
    walking_minutes = models.PositiveSmallIntegerField(
        _("walking time from the community centre"), choices=WalkingTime.choices
    )
    opening_hours = models.CharField(
        _("opening hours"), max_length=120, blank=True, help_text=_("For example: 每天 8:00–20:00")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["community", "walking_minutes", "category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="service_point_unique_name"),
            models.CheckConstraint(
                condition=models.Q(walking_minutes__in=[5, 10, 15]),
                name="service_point_walking_minutes_valid",
            ),
        ]

    def __str__(self):
        return self.name
