"""民情日记 / 人人访谈 and the admin of grids and households (表1 tasks 5, 23)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GridsConfig(AppConfig):
    name = "participation.grids"
    label = "grids"
    verbose_name = _("Grids and visits")
