from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.roles import StaffRole


class CommunityKind(models.TextChoices):
    # The kind changes thresholds: e.g. ≥ 10 social organisations for a 社区, ≥ 5 for a 村 (表1 task 6).
    URBAN = "urban", _("Urban community")
    VILLAGE = "village", _("Village")


class Community(models.Model):
    """A 社区 or 村 of the street: its residents, staff, submissions and evaluation belong to it."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=False)
    kind = models.CharField(
        _("kind"), max_length=10, choices=CommunityKind.choices, default=CommunityKind.URBAN
    )
    street = models.CharField(_("street or town"), max_length=60)
    resident_population = models.PositiveIntegerField(
        _("resident population"),
        default=0,
        help_text=_("常住人口, the base of the volunteer and social worker ratios."),
    )
    households = models.PositiveIntegerField(
        _("number of households"),
        default=0,
        help_text=_("Number of households, the base of the facility area per 100 households."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("service phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_village(self) -> bool:
        return self.kind == CommunityKind.VILLAGE


class CommunityGroup(models.Model):
    """The community-scoped Django group of one staff role; Wagtail page permissions hang on it."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="staff_groups", verbose_name=_("community")
    )
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices)
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="community_group", verbose_name=_("group")
    )

    class Meta:
        verbose_name = _("community group")
        verbose_name_plural = _("community groups")
        constraints = [
            models.UniqueConstraint(fields=["community", "role"], name="one_group_per_community_role"),
        ]

    def __str__(self):
        return self.group.name
