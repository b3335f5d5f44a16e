"""The 待我审核 (my review queue) panel on the Wagtail dashboard."""

from django.utils.text import capfirst
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from workflows.registry import viewset_for
from workflows.selectors import review_queues


class ReviewQueuePanel(Component):
    name = "workflows_review_queue"
    template_name = "workflows/admin/review_queue_panel.html"
    order = 150
    items_per_model = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        url_finder = AdminURLFinder(user)
        sections = []
        for model, queryset in review_queues(user=user):
            count = queryset.count()
            if not count:
                continue
            viewset = viewset_for(model)
            items = []
            for obj in queryset.select_related("author")[: self.items_per_model]:
                url = viewset.get_item_admin_url(obj, user) if viewset else url_finder.get_edit_url(obj)
                items.append({"object": obj, "url": url})
            index_url = viewset.get_index_url() if viewset else None
            sections.append(
                {
                    "label": capfirst(model._meta.verbose_name_plural),
                    "count": count,
                    "items": items,
                    "more_url": f"{index_url}?state={model.review_states[0]}" if index_url else None,
                }
            )
        return {"sections": sections, "request": request}
