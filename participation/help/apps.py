"""人人解忧铺: residents' and visitors' requests for help, triaged, handled and rated (表1 task 21)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    name = "participation.help"
    label = "help"
    verbose_name = _("Help desk")
