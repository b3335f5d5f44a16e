"""人人社团, 共享客厅 and 便民服务圈 (表1 tasks 3, 18, 21)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityLifeConfig(AppConfig):
    name = "participation.community_life"
    label = "community_life"
    verbose_name = _("Community life")

    def ready(self):
        # Its part of 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.community_life import personal_data

        register_account_section(key="clubs", order=50, template="community_life/clubs/my_clubs_section.html")
        register_account_section(
            key="bookings", order=60, template="community_life/spaces/my_bookings_section.html"
        )
        register_personal_data(
            key="community_life", label=_("Clubs and bookings"), collect=personal_data.collect
        )
