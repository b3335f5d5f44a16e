"""How the admin's inspect views show field values. Wagtail prints the raw value through |localize, so staff
saw “None” and “False” in English, and times in UTC (|localize formats a datetime in its own time zone) while
the timeline beside them shows local time. Registered for every model field in WorkflowsConfig.ready()."""

from datetime import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class


class FieldValueDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None) -> str:
        # A plain string: the {% component %} tag escapes it.
        value = self.value
        if value is None:
            return "-"  # as Wagtail shows an empty relation
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return str(formats.localize(value, use_l10n=True))


def register() -> None:
    register_display_class(models.Field, display_class=FieldValueDisplay)
    # Foreign keys are looked up by their target model; Model matches any target without a display of its own
    # (Wagtail's images and documents keep theirs).
    register_display_class(models.ForeignKey, to=models.Model, display_class=FieldValueDisplay)
