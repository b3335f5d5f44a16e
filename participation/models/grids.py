"""一网格一支部一阵地 (表1 task 23) and 民情日记 / 人人访谈 (task 5).

A community is divided into grids; each grid has its grid worker (网格员), its party branch and its position
(阵地). Households belong to a grid, residents to a household. Grid workers and staff keep a diary of their
visits and interviews: personal data, so it never leaves the admin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class Grid(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="grids", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=60)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grids",
        verbose_name=_("grid worker"),
    )
    party_branch = models.CharField(_("party branch"), max_length=80, blank=True)
    position = models.CharField(
        _("grid position"),
        max_length=120,
        blank=True,
        help_text=_("The grid's service point (阵地) and its address."),
    )
    area = models.CharField(
        _("area"), max_length=200, blank=True, help_text=_("Buildings or streets it covers.")
    )

    class Meta:
        verbose_name = _("grid")
        verbose_name_plural = _("grids")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="grid_name_unique_per_community")
        ]

    def __str__(self):
        return f"{self.community.name} · {self.name}"

    def clean(self):
        super().clean()
        # Help requests of the grid are routed to its worker, who handles them in the admin.
        if (
            self.worker_id
            and self.community_id
            and not (self.worker.is_staff and self.worker.communities.filter(pk=self.community_id).exists())
        ):
            raise ValidationError({"worker": _("The grid worker must be a staff member of this community.")})


class Household(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="households_set", verbose_name=_("community")
    )
    grid = models.ForeignKey(
        Grid,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="households",
        verbose_name=_("grid"),
    )
    address = models.CharField(
        _("address"), max_length=120, help_text=_("Building, unit and room, e.g. 3幢2单元501.")
    )
    head_name = models.CharField(_("head of household"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    members = models.PositiveSmallIntegerField(_("number of members"), default=1)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["community", "address"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "address"], name="household_address_unique_per_community"
            ),
        ]

    def __str__(self):
        return f"{self.address}" + (f"（{self.head_name}）" if self.head_name else "")

    def clean(self):
        super().clean()
        if self.grid_id and self.community_id and self.grid.community_id != self.community_id:
            raise ValidationError({"grid": _("The grid belongs to another community.")})
