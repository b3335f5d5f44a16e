from django.db import models
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    """The four 共同体 of the standard (3.1), the top-level categories of 表1."""

    PARTICIPATION = "participation", _("Participation community")
    RESPONSIBILITY = "responsibility", _("Responsibility community")
    LIFE = "life", _("Life community")
    GROWTH = "growth", _("Growth community")


class ConstructionTask(models.Model):
    """One of the 24 rows of 表1 建设任务表, loaded from the standard by a data migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    pillar = models.CharField(_("community pillar"), max_length=20, choices=Pillar.choices)
    subcategory = models.CharField(_("construction category"), max_length=40)
    binding = models.BooleanField(
        _("binding"),
        help_text=_("Binding (约束性) tasks must be achieved; the others are expected (预期性)."),
    )
    text = models.TextField(_("task"))

    class Meta:
        verbose_name = _("construction task")
        verbose_name_plural = _("construction tasks")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=24), name="construction_task_number_1_to_24"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.subcategory}"

    @property
    def kind_label(self) -> str:
        return str(_("Binding")) if self.binding else str(_("Expected"))
