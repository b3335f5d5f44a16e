"""The evaluation panel of the Wagtail dashboard (docs/architecture.md, “Evaluation”): per community, the indicators as badges
with a 12-month chart each, the evidence waiting for review, and overdue 解忧铺 requests."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from evaluation import charts, figures, selectors
from evaluation.admin_views import allowed_communities
from evaluation.models import TaskEvidence
from workflows.models import ReviewState
from workflows.selectors import review_queue

#: A superuser of a large street sees the first few; the self-evaluation page has a chooser for the rest.
MAX_COMMUNITIES = 5


class EvaluationDashboardPanel(Component):
    name = "evaluation_dashboard"
    template_name = "evaluation/admin/dashboard_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        communities = allowed_communities(user)
        sections = []
        for community in communities[:MAX_COMMUNITIES]:
            series = selectors.indicator_series(community=community)
            indicators = []
            for key, points in series.items():
                current = points[-1][1]
                chart = charts.line_chart(
                    chart_id=f"chart-{community.pk}-{key}",
                    name=str(current.name),
                    unit=str(current.unit),
                    threshold=current.threshold,
                    points=[charts.Point(month=month, value=indicator.value) for month, indicator in points],
                )
                indicators.append({"indicator": current, "chart": chart, "points": points})
            waiting = review_queue(user=user, model=TaskEvidence).filter(community=community).count()
            sections.append(
                {
                    "community": community,
                    "indicators": indicators,
                    "waiting": waiting,
                    "waiting_url": reverse("task_evidence:index")
                    + f"?community={community.pk}&state={ReviewState.SUBMITTED}",
                    "overdue": figures.overdue_help_requests(community=community),
                    "report_url": reverse("self_evaluation:index") + f"?community={community.pk}",
                }
            )
        return {"sections": sections, "more": max(len(communities) - MAX_COMMUNITIES, 0), "request": request}
