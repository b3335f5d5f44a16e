"""Evaluation periods and the snapshot frozen when one is closed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EvaluationPeriod(models.Model):
    """A period a community evaluates itself over (e.g. 2025年度). Closing it freezes its figures."""

    community = models.ForeignKey(
        "participation.Community",
        on_delete=models.PROTECT,
        related_name="evaluation_periods",
        verbose_name=_("community"),
    )
    name = models.CharField(_("name"), max_length=60)
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("closed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation period")
        verbose_name_plural = _("evaluation periods")
        ordering = ["community", "-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="evaluation_period_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["community", "name"],
                name="evaluation_period_name_unique_per_community",
                violation_error_message=_("This community already has a period with this name."),
            ),
            # Whoever closed it may later be deleted (SET_NULL), but nobody closes a period anonymously.
            models.CheckConstraint(
                condition=Q(closed_by__isnull=True) | Q(closed_at__isnull=False),
                name="evaluation_period_closed_by_needs_time",
            ),
        ]

    def __str__(self):
        return f"{self.community} · {self.name}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class PeriodSnapshot(models.Model):
    """What a period's figures were when it was closed. Written once; later data never changes it."""

    period = models.OneToOneField(
        EvaluationPeriod,
        on_delete=models.PROTECT,
        related_name="snapshot",
        verbose_name=_("evaluation period"),
    )
    as_of = models.DateField(_("figures as of"))
    indicators = models.JSONField(_("indicator values"))
    tasks = models.JSONField(_("task statuses"))
    evidence = models.JSONField(_("evidence list"), help_text=_("Id, title, task and dates of each item."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("period snapshot")
        verbose_name_plural = _("period snapshots")

    def __str__(self):
        return str(self.period)

    def save(self, *args, **kwargs):
        # Frozen means frozen: a snapshot is only ever inserted.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("A period snapshot cannot be changed once written.")
        super().save(*args, **kwargs)

    @property
    def evidence_ids(self) -> list[int]:
        return [item["id"] for item in self.evidence]
