"""台账名册: social organisations, social workers and facilities (表1 tasks 6, 13, 17, 19)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistriesConfig(AppConfig):
    name = "participation.registries"
    label = "registries"
    verbose_name = _("Registries")
