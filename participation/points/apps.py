"""积分: the points list, the append-only ledger, claims, rewards and the 善行榜 (表1 task 9)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PointsConfig(AppConfig):
    name = "participation.points"
    label = "points"
    verbose_name = _("Points")

    def ready(self):
        # The side effects of this app's transitions, registered with the workflow core; its part of
        # 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.points import handlers, personal_data  # noqa: F401  (handlers register on import)

        register_account_section(key="points", order=10, template="points/includes/my_points_section.html")
        register_personal_data(key="points", label=_("Points"), collect=personal_data.collect)
        from participation.dataio.registry import Kind, register_kind
        from participation.points.resources import BehaviourItemResource

        register_kind(
            Kind(
                "behaviour_items",
                _("Behaviour items"),
                BehaviourItemResource,
                "dataio.import_registries",
                "dataio.export_registries",
                order=60,
            )
        )
