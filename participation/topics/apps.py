"""人人议事厅: topics, supports, comments, moderation and the monthly meetings (表1 task 1)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "participation.topics"
    label = "topics"
    verbose_name = _("Deliberation hall")
