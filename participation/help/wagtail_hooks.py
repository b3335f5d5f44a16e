"""人人解忧铺 in the admin: the request queues, categories, templates, statistics and the dashboard panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from participation.help.panels import MyHelpWorkPanel
from participation.help.viewsets import HelpViewSetGroup
from workflows.registry import register_notification_kind


@hooks.register("register_admin_viewset")
def register_help_viewsets():
    return HelpViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_my_help_work_panel(request, panels):
    if request.user.has_perm("help.view_helprequest"):
        panels.append(MyHelpWorkPanel())


register_notification_kind("help_request", _("Help requests"))
