"""Activity sign-ups, the waitlist and check-in (the activity pages themselves are Wagtail pages in home)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "participation.activities"
    label = "activities"
    verbose_name = _("Activities")
