"""人人解忧铺: residents' and visitors' requests for help, triaged, handled and rated (表1 task 21)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    name = "participation.help"
    label = "help"
    verbose_name = _("Help desk")

    def ready(self):
        # Its part of 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.help import personal_data

        register_account_section(key="help", order=20, template="help/my_section.html")
        register_personal_data(key="help", label=_("Help requests"), collect=personal_data.collect)
        from participation.grids.conversion import register_diary_converter
        from participation.help.diary import CONVERTER

        register_diary_converter(CONVERTER)
