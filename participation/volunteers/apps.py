"""Volunteers, their teams and hours (表1 task 11)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "participation.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self):
        # Its part of 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.volunteers import personal_data

        register_account_section(
            key="volunteers", order=70, template="volunteers/my_volunteering_section.html"
        )
        register_personal_data(key="volunteers", label=_("Volunteering"), collect=personal_data.collect)
        from participation.dataio.registry import Kind, register_kind
        from participation.volunteers.resources import VolunteerResource

        register_kind(
            Kind(
                "volunteers",
                _("Volunteers"),
                VolunteerResource,
                "dataio.import_registries",
                "dataio.export_registries",
                order=20,
            )
        )
