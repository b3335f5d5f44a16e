"""Wagtail admin viewsets of evaluation; wagtail_hooks.py only registers them.

Task evidence is a community reviewable: listed by state, task and community, drafted and edited by its
author (operations / coordination staff) while open, reviewed with the workflow core's transition buttons."""

import django_filters
import rules
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from evaluation import admin_views, services
from evaluation.forms import EvaluationPeriodForm, TaskEvidenceForm
from evaluation.models import ConstructionTask, EvaluationPeriod, TaskEvidence
from participation.admin_scoping import CommunityReviewableViewSetMixin, CommunityScopedViewSetMixin
from participation.models import Community
from workflows.viewsets import ReviewableViewSetMixin


class TaskEvidenceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=TaskEvidence.state_choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    task = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Construction task"), queryset=ConstructionTask.objects.order_by("number")
    )
    community = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Community"), queryset=Community.objects.all()
    )

    class Meta:
        model = TaskEvidence
        fields = []


class _EvidenceSaveMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class EvidenceCreateView(_EvidenceSaveMixin, generic.CreateView):
    def save_instance(self):
        return services.create_evidence(
            author=self.request.user,
            community=self.form.cleaned_data["community"],
            **self.form.service_kwargs(),
        )


class EvidenceEditView(_EvidenceSaveMixin, generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not rules.has_perm("evaluation.edit_evidence", request.user, self.object):
            messages.error(
                request,
                _(
                    "Only its author can change this evidence, and only while it is a draft "
                    "or returned for changes."
                ),
            )
            return redirect(reverse(self.inspect_url_name, args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        return services.update_evidence(
            evidence=self.object,
            user=self.request.user,
            remove_files=self.form.cleaned_data.get("remove_files") or [],
            **self.form.service_kwargs(),
        )


class EvidenceDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not (obj.user_is_author(self.request.user) and obj.state == "draft"):
            raise PermissionDenied
        return obj


class EvidenceInspectView(generic.InspectView):
    template_name = "evaluation/admin/evidence_inspect.html"

    def get_context_data(self, **kwargs):
        from wagtail.admin.admin_url_finder import AdminURLFinder

        context = super().get_context_data(**kwargs)
        finder = AdminURLFinder(self.request.user)
        links = []
        for link in self.object.links.select_related("content_type"):
            target = link.target
            links.append(
                {
                    "label": str(target) if target is not None else _("(deleted record)"),
                    "kind": link.content_type.name,
                    "url": finder.get_edit_url(target) if target is not None else None,
                }
            )
        context.update(
            {
                "evidence_files": [
                    {"file": record, "url": reverse("self_evaluation:file", args=[record.pk])}
                    for record in self.object.files.all()
                ],
                "evidence_links": links,
                "measured_values": self.object.measured_values or {},
            }
        )
        return context


class TaskEvidenceViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = TaskEvidence
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Task evidence")
    menu_order = 100
    add_view_class = EvidenceCreateView
    edit_view_class = EvidenceEditView
    delete_view_class = EvidenceDeleteView
    copy_view_enabled = False
    filterset_class = TaskEvidenceFilterSet
    list_display = ["title", "task", "community", "state", "start_date", "submitted_at"]
    search_fields = ["title", "description"]
    inspect_view_class = EvidenceInspectView
    inspect_view_fields = [
        "task",
        "community",
        "title",
        "description",
        "start_date",
        "end_date",
        "state",
        "author",
        "submitted_at",
    ]

    def get_form_class(self, for_update=False):
        return TaskEvidenceForm


class PeriodCreateView(generic.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_period(
            user=self.request.user,
            community=data["community"],
            name=data["name"],
            start=data["start"],
            end=data["end"],
        )


class PeriodEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        period = self.get_object()
        if period.is_closed:
            messages.error(request, _("This evaluation period is closed; its figures are frozen."))
            return redirect(reverse("evaluation_periods:snapshot", args=[period.pk]))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return services.update_period(
            period=self.object,
            user=self.request.user,
            name=data["name"],
            start=data["start"],
            end=data["end"],
        )


class EvaluationPeriodViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = EvaluationPeriod
    icon = "date"
    menu_label = gettext_lazy("Evaluation periods")
    menu_order = 300
    add_view_class = PeriodCreateView
    edit_view_class = PeriodEditView
    copy_view_enabled = False
    delete_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "community", "start", "end", "closed_at"]
    list_filter = ["community"]
    index_template_name = "evaluation/admin/period_index.html"

    def get_form_class(self, for_update=False):
        return EvaluationPeriodForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/close/", admin_views.ClosePeriodView.as_view(), name="close"),
            path("<int:pk>/snapshot/", admin_views.SnapshotView.as_view(), name="snapshot"),
            path("compare/", admin_views.ComparePeriodsView.as_view(), name="compare"),
        ]


class _EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("evaluation.view_evaluation")


class SelfEvaluationViewSet(ViewSet):
    """The 7.1 self-evaluation page, its XLSX and printable versions, and the survey results."""

    icon = "tasks"
    menu_label = gettext_lazy("Self-evaluation")
    menu_order = 200
    menu_item_class = _EvaluationMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.SelfEvaluationView.as_view(), name="index"),
            path("report.xlsx", admin_views.self_evaluation_xlsx, name="xlsx"),
            path("print/", admin_views.self_evaluation_print, name="print"),
            path("surveys/<int:community_id>/", admin_views.SurveyResultsView.as_view(), name="surveys"),
            path("files/<int:pk>/", admin_views.evidence_file_download, name="file"),
        ]


class EvaluationViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Evaluation")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        TaskEvidenceViewSet("task_evidence"),
        SelfEvaluationViewSet("self_evaluation"),
        EvaluationPeriodViewSet("evaluation_periods"),
    )
