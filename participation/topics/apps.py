"""人人议事厅: topics, supports, comments, moderation and the monthly meetings (表1 task 1)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "participation.topics"
    label = "topics"
    verbose_name = _("Deliberation hall")

    def ready(self):
        # The side effects of this app's transitions, registered with the workflow core; its part of
        # 我的 and of 下载我的数据.
        from participation.account_registry import register_account_section, register_personal_data
        from participation.topics import handlers, personal_data  # noqa: F401  (handlers register on import)

        register_account_section(key="topics", order=40, template="topics/my_topics_section.html")
        register_personal_data(
            key="topics", label=_("Topics, comments and supports"), collect=personal_data.collect
        )
        from participation.grids.conversion import register_diary_converter
        from participation.topics.diary import CONVERTER

        register_diary_converter(CONVERTER)
