"""Wagtail admin views of evaluation: the self-evaluation (7.1) with its XLSX and printable versions, the
survey results, closing and comparing evaluation periods, and evidence file downloads.

Each view checks our rules (evaluation/rules.py) for the community it shows, on the server."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from evaluation import exports, questionnaires, selectors, services
from evaluation.models import EvaluationPeriod, EvidenceFile, SurveyKind, SurveyResponse
from participation.admin_scoping import user_may_access
from participation.models import Community
from participation.selectors import communities_for_user
from workflows.refusals import show_refusal
from workflows.views_admin import TitledAdminViewMixin

VIEW = "evaluation.view_evaluation"
MANAGE_PERIODS = "evaluation.manage_periods"


def allowed_communities(user, perm: str = VIEW) -> list[Community]:
    return [c for c in communities_for_user(user=user).order_by("name") if user.has_perm(perm, c)]


def choose_community(request, perm: str = VIEW) -> tuple[Community, list[Community]]:
    """The community asked for (?community=<id>) among those the user may see, else the first of them."""
    choices = allowed_communities(request.user, perm)
    if not choices:
        raise PermissionDenied
    wanted = request.GET.get("community") or request.POST.get("community")
    for community in choices:
        if str(community.pk) == wanted:
            return community, choices
    if wanted:
        raise PermissionDenied
    return choices[0], choices


def _evidence_index_url(community, task=None, state=None) -> str:
    query = f"?community={community.pk}"
    if task is not None:
        query += f"&task={task.pk}"
    if state:
        query += f"&state={state}"
    return reverse("task_evidence:index") + query


class SelfEvaluationView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/self_evaluation.html"
    page_title = gettext_lazy("Self-evaluation")
    header_icon = "tasks"

    def get(self, request, *args, **kwargs):
        self.community, self.choices = choose_community(request)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.community.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = selectors.self_evaluation(community=self.community)
        for row in report.rows:
            row.approved_url = _evidence_index_url(self.community, row.task, "approved")
            row.pending_url = _evidence_index_url(self.community, row.task, "submitted")
        context.update(
            {
                "report": report,
                "community": self.community,
                "choices": self.choices,
                "binding_counts": report.status_counts(binding=True),
                "expected_counts": report.status_counts(binding=False),
                "query": f"?community={self.community.pk}",
            }
        )
        return context


def self_evaluation_xlsx(request):
    community, _choices = choose_community(request)
    report = selectors.self_evaluation(community=community)
    content = exports.self_evaluation_workbook(report, selectors.evidence_for_report(community=community))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="self-evaluation-{community.slug}-{report.as_of:%Y%m%d}.xlsx"'
    )
    return response


def self_evaluation_print(request):
    community, _choices = choose_community(request)
    report = selectors.self_evaluation(community=community)
    return render(
        request,
        "evaluation/admin/self_evaluation_print.html",
        {
            "report": report,
            "community": community,
            "evidence": selectors.evidence_for_report(community=community),
        },
    )


class SurveyResultsView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/survey_results.html"
    page_title = gettext_lazy("Survey results")
    header_icon = "list-ul"

    def get(self, request, *args, **kwargs):
        self.community = get_object_or_404(Community, pk=kwargs["community_id"])
        if not request.user.has_perm(VIEW, self.community):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.community.name

    def _per_question(self, as_of):
        from evaluation.figures import window_bounds

        start, end = window_bounds(as_of)
        responses = SurveyResponse.objects.filter(
            community=self.community, submitted_at__gte=start, submitted_at__lt=end
        )
        quiz = [r for r in responses.filter(kind=SurveyKind.AWARENESS).values_list("answers", flat=True)]
        ratings = [
            r for r in responses.filter(kind=SurveyKind.SATISFACTION).values_list("answers", flat=True)
        ]
        questions = []
        for question in questionnaires.AWARENESS_QUESTIONS:
            right = sum(1 for answers in quiz if answers.get(question["key"]) == question["answer"])
            questions.append(
                {
                    "text": question["text"],
                    "right": right,
                    "total": len(quiz),
                    "rate": round(right * 100 / len(quiz), 1) if quiz else None,
                }
            )
        items = []
        for key, label in [
            (questionnaires.OVERALL_KEY, _("Overall")),
            *questionnaires.SATISFACTION_QUESTIONS,
        ]:
            values = [int(answers[key]) for answers in ratings if key in answers]
            items.append(
                {
                    "label": label,
                    "total": len(values),
                    "average": round(sum(values) / len(values), 2) if values else None,
                }
            )
        return questions, items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of = timezone.localdate()
        questions, items = self._per_question(as_of)
        context.update(
            {
                "community": self.community,
                "results": selectors.survey_results(community=self.community, as_of=as_of),
                "questions": questions,
                "items": items,
                "aware_min": questionnaires.aware_min_correct(),
                "question_count": len(questionnaires.AWARENESS_QUESTIONS),
                "satisfaction_url": reverse("evaluation:survey_satisfaction", args=[self.community.slug]),
                "awareness_url": reverse("evaluation:survey_awareness", args=[self.community.slug]),
            }
        )
        return context


def _period_for(request, pk) -> EvaluationPeriod:
    period = get_object_or_404(EvaluationPeriod.objects.select_related("community"), pk=pk)
    if not request.user.has_perm(VIEW, period.community):
        raise PermissionDenied
    return period


class ClosePeriodView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/period_close.html"
    page_title = gettext_lazy("Close evaluation period")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.period = _period_for(request, kwargs["pk"])
        if not request.user.has_perm(MANAGE_PERIODS, self.period.community):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.period)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "period": self.period}

    def post(self, request, *args, **kwargs):
        try:
            services.close_period(period=self.period, user=request.user)
        except services.PeriodClosed as error:
            show_refusal(request, error)
        else:
            messages.success(
                request,
                _("The period “%(name)s” is closed and its figures are frozen.") % {"name": self.period.name},
            )
        return redirect("evaluation_periods:snapshot", self.period.pk)


class SnapshotView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/period_snapshot.html"
    page_title = gettext_lazy("Evaluation period")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.period = _period_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.period)

    def get_context_data(self, **kwargs):
        snapshot = getattr(self.period, "snapshot", None) if self.period.is_closed else None
        return {
            **super().get_context_data(**kwargs),
            "period": self.period,
            "snapshot": snapshot,
            "indicators": selectors.period_indicator_values(period=self.period),
            "may_close": not self.period.is_closed
            and self.request.user.has_perm(MANAGE_PERIODS, self.period.community),
        }


class ComparePeriodsView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/admin/period_compare.html"
    page_title = gettext_lazy("Compare evaluation periods")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        self.community, self.choices = choose_community(request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        periods = list(selectors.periods_for(community=self.community).order_by("start", "pk"))
        wanted = set(self.request.GET.getlist("period"))
        chosen = [p for p in periods if str(p.pk) in wanted] or periods
        return {
            **super().get_context_data(**kwargs),
            "community": self.community,
            "choices": self.choices,
            "periods": periods,
            "chosen": chosen,
            "rows": selectors.period_comparison(periods=chosen),
        }


def evidence_file_download(request, pk):
    """Evidence files are served to staff who may see the evidence, never from a public URL."""
    record = get_object_or_404(EvidenceFile.objects.select_related("evidence"), pk=pk)
    if not request.user.has_perm("evaluation.view_taskevidence") or not user_may_access(
        request.user, record.evidence
    ):
        raise PermissionDenied
    response = FileResponse(record.file.open("rb"), as_attachment=True, filename=record.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
