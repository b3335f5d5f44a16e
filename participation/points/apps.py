"""积分: the points list, the append-only ledger, claims, rewards and the 善行榜 (表1 task 9)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PointsConfig(AppConfig):
    name = "participation.points"
    label = "points"
    verbose_name = _("Points")
