"""Imports and exports of residents and registries; each app registers its kinds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataioConfig(AppConfig):
    name = "participation.dataio"
    label = "dataio"
    verbose_name = _("Import and export")
