from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # The survey answers in 下载我的数据.
        from evaluation import personal_data
        from participation.account_registry import register_personal_data

        register_personal_data(key="surveys", label=_("Survey answers"), collect=personal_data.collect)
