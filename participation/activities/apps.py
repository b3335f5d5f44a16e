"""Activity sign-ups, the waitlist and check-in (the activity pages themselves are Wagtail pages in home)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "participation.activities"
    label = "activities"
    verbose_name = _("Activities")

    def ready(self):
        # Its part of 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.activities import personal_data

        register_account_section(key="activities", order=30, template="activities/my_section.html")
        register_personal_data(key="activities", label=_("Activity sign-ups"), collect=personal_data.collect)
