"""人人解忧铺 (docs/architecture.md, “The pieces”): what a community sets up for its help requests: the categories, with the deadlines
it commits to, and the ready answers its staff start from."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class HelpCategory(models.Model):
    """A kind of request of one community, with the deadlines the community commits to."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="help_categories", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=40)
    response_hours = models.PositiveSmallIntegerField(
        _("response deadline (hours)"), default=24, help_text=_("Time to accept or reject a new request.")
    )
    resolution_days = models.PositiveSmallIntegerField(
        _("resolution deadline (days)"), default=7, help_text=_("Time from submission to resolution.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("help category")
        verbose_name_plural = _("help categories")
        ordering = ["community", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="help_category_name_unique"),
            models.CheckConstraint(
                condition=Q(response_hours__gte=1) & Q(resolution_days__gte=1),
                name="help_category_deadlines_positive",
                violation_error_message=_("Deadlines must be at least one hour and one day."),
            ),
        ]

    def __str__(self):
        return self.name


class ResponseTemplate(models.Model):
    """A ready answer staff insert into a comment or resolution note, then adapt."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="help_response_templates",
        verbose_name=_("community"),
    )
    title = models.CharField(_("title"), max_length=60)
    text = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["community", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "title"], name="help_response_template_title_unique"
            ),
        ]

    def __str__(self):
        return self.title
