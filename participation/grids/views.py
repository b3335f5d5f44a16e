from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from participation.grids import selectors
from participation.selectors import community_ids_for_user


class DiaryStatisticsView(TemplateView):
    """Counts of visits and interviews per month and grid: what the evaluation group may see of the diary."""

    template_name = "grids/diary_statistics.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("grids.view_diary_statistics"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        since = (timezone.localdate() - timedelta(days=365)).replace(day=1)
        return {
            **super().get_context_data(**kwargs),
            "page_title": _("Visit diary statistics"),
            "rows": selectors.diary_counts(
                community_ids=community_ids_for_user(user=self.request.user), since=since
            ),
            "since": since,
        }
