"""人人社团, 共享客厅 and 便民服务圈 (表1 tasks 3, 18, 21)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityLifeConfig(AppConfig):
    name = "participation.community_life"
    label = "community_life"
    verbose_name = _("Community life")
