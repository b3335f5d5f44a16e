from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from participation.models.communities import Community


class BehaviourPolarity(models.TextChoices):
    POSITIVE = "positive", _("Positive behaviour")
    NEGATIVE = "negative", _("Negative behaviour")


class BehaviourItem(index.Indexed, models.Model):
    """One line of the 正面/负面行为清单 (附录C/D) with its points: the community's 积分清单."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="behaviour_items", verbose_name=_("community")
    )
    polarity = models.CharField(_("kind"), max_length=10, choices=BehaviourPolarity.choices)
    # The standard's own numbers: 附录C skips 7 and 8, and so do we.
    number = models.PositiveSmallIntegerField(_("number"))
    category = models.CharField(_("category"), max_length=40, blank=True)
    text = models.TextField(_("behaviour"))
    points = models.IntegerField(
        _("points"),
        help_text=_("Positive behaviours earn points (> 0); negative behaviours deduct them (< 0)."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    search_fields = [index.SearchField("text"), index.FilterField("community"), index.FilterField("polarity")]

    class Meta:
        verbose_name = _("behaviour item")
        verbose_name_plural = _("behaviour items")
        ordering = ["community", "polarity", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "polarity", "number"], name="behaviour_number_unique_per_list"
            ),
            models.CheckConstraint(
                condition=(Q(polarity="positive", points__gt=0) | Q(polarity="negative", points__lt=0)),
                name="behaviour_points_sign_matches_kind",
                violation_error_message=_(
                    "Positive behaviours must earn points (> 0) and negative ones deduct (< 0)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_polarity_display()} {self.number}: {self.text[:30]}"

    @property
    def is_positive(self) -> bool:
        return self.polarity == BehaviourPolarity.POSITIVE
