from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransitionLog(models.Model):
    """One transition of any reviewed item: who, when, from which state to which, and why (the comment)."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    # A string, as Wagtail's own log does, so items with any kind of primary key can be logged.
    object_id = models.CharField(_("object id"), max_length=255)
    content_object = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    transition = models.CharField(_("transition"), max_length=100)
    from_state = models.CharField(_("from state"), max_length=50)
    to_state = models.CharField(_("to state"), max_length=50)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("transition log entry")
        verbose_name_plural = _("transition log")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"], name="workflows_log_object_time"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(transition="") & ~Q(from_state="") & ~Q(to_state=""),
                name="workflows_log_names_not_empty",
            ),
        ]

    def __str__(self):
        return f"{self.transition}: {self.from_state} → {self.to_state}"

    def _model(self):
        return self.content_type.model_class() if self.content_type_id else None

    @property
    def transition_label(self):
        model = self._model()
        spec = model.transition_specs().get(self.transition) if hasattr(model, "transition_specs") else None
        return spec.label if spec else self.transition

    @property
    def from_state_label(self):
        model = self._model()
        return model.state_label(self.from_state) if hasattr(model, "state_label") else self.from_state

    @property
    def to_state_label(self):
        model = self._model()
        return model.state_label(self.to_state) if hasattr(model, "state_label") else self.to_state
