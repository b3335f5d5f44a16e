"""民情日记 / 人人访谈 (表1 task 5): grid workers and staff keep a diary of their visits and interviews.
Personal data, so it never leaves the admin. Grids and households are the community's structure and
live in the core app (participation.models.grids)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import Community, Grid, Household


class DiaryKind(models.TextChoices):
    VISIT = "visit", _("Home visit (民情日记)")
    INTERVIEW = "interview", _("Interview (人人访谈)")


class DiaryEntry(models.Model):
    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="diary_entries",
        verbose_name=_("community"),
        editable=False,
    )
    grid = models.ForeignKey(
        Grid,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="diary_entries",
        verbose_name=_("grid"),
        editable=False,
    )
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="diary_entries", verbose_name=_("household")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DiaryKind.choices, default=DiaryKind.VISIT)
    visited_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
        editable=False,
    )
    participants = models.CharField(_("who took part"), max_length=200, blank=True)
    concerns = models.TextField(_("what was raised"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_due = models.DateField(_("follow up by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("diary entry")
        verbose_name_plural = _("diary entries")
        ordering = ["-visited_on", "-pk"]
        indexes = [models.Index(fields=["community", "visited_on"], name="diary_community_date_idx")]

    def __str__(self):
        return f"{self.visited_on:%Y-%m-%d} {self.household}"
