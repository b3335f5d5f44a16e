"""Survey responses (7.2): the satisfaction questionnaire and the convention-awareness quiz.

Plain models rather than Wagtail form pages: the answers are typed, so rates are one aggregate query and a
database constraint keeps one response per resident and round."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SurveyKind(models.TextChoices):
    SATISFACTION = "satisfaction", _("Satisfaction questionnaire")
    AWARENESS = "awareness", _("Convention awareness quiz")


class SurveyResponse(models.Model):
    community = models.ForeignKey(
        "participation.Community",
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("community"),
    )
    kind = models.CharField(_("survey"), max_length=20, choices=SurveyKind.choices)
    # Never shown anywhere: it only enforces one response per resident and round.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("respondent"),
        help_text=_("Empty for visitors."),
    )
    year = models.PositiveSmallIntegerField(_("survey round (year)"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    answers = models.JSONField(_("answers"))
    score = models.PositiveSmallIntegerField(
        _("score"), help_text=_("Satisfaction: the overall rating (1–5). Quiz: the number of right answers.")
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"))
    positive = models.BooleanField(
        _("positive"),
        help_text=_("Satisfied (overall rating 4 or 5), or aware of the convention (quiz passed)."),
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "kind", "respondent", "year"],
                condition=Q(respondent__isnull=False),
                name="survey_response_once_per_resident_and_year",
            ),
            models.CheckConstraint(
                condition=Q(score__lte=models.F("max_score")), name="survey_score_in_range"
            ),
        ]
        # Covers the indicators' aggregate (window on submitted_at, counts by kind and positive) on its own.
        indexes = [
            models.Index(fields=["community", "submitted_at", "kind", "positive"], name="survey_window_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
