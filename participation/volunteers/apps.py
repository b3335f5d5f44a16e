"""Volunteers, their teams and hours (表1 task 11)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "participation.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")
