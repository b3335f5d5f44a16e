"""The 待我处理 dashboard panel: requests assigned to me and, for coordinators, those waiting for triage."""

from wagtail.admin.ui.components import Component

from participation.help import selectors
from participation.help.models.requests import HelpRequest
from workflows.registry import viewset_for


class MyHelpWorkPanel(Component):
    name = "help_my_work"
    template_name = "help/admin/my_work_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        work = selectors.my_work(user=request.user)
        viewset = viewset_for(HelpRequest)
        items = [
            {"object": item, "url": viewset.get_item_admin_url(item, request.user), "overdue": item.overdue}
            for item in work["items"]
        ]
        return {**work, "items": items, "request": request}
