from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from evaluation.linkables import register_defaults
from evaluation.panels import EvaluationDashboardPanel
from evaluation.viewsets import EvaluationViewSetGroup
from workflows.registry import register_notification_kind

register_defaults()
register_notification_kind("taskevidence_review", _("Task evidence"))


@hooks.register("register_admin_viewset")
def register_evaluation_viewsets():
    return EvaluationViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_evaluation_panel(request, panels):
    if request.user.has_perm("evaluation.view_evaluation"):
        panels.append(EvaluationDashboardPanel())
