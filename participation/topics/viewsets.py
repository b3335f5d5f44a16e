"""Wagtail admin of the 人人议事厅: topics, meetings, categories and the moderation queue, each scoped to
the staff member's communities (participation.admin_scoping); wagtail_hooks.py registers the group."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from participation.admin_scoping import (
    CommunityReviewableViewSetMixin,
    CommunityScopedViewSetMixin,
    _scoped_form_class,
)
from participation.grids.links import diary_entry_link
from participation.models import Community
from participation.topics import services
from participation.topics.admin_forms import (
    MeetingForm,
    TopicCategoryChangeForm,
    TopicCategoryForm,
    TopicOnBehalfForm,
)
from participation.topics.models import ConsultationTopic, DeliberationMeeting, ModerationCase, TopicCategory
from workflows.exceptions import WorkflowError
from workflows.refusals import show_refusal
from workflows.viewsets import ReviewableViewSetMixin


def _state_filter(model):
    return django_filters.ChoiceFilter(
        label=_("State"),
        choices=model._meta.get_field("state").choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )


class TopicFilterSet(WagtailFilterSet):
    state = _state_filter(ConsultationTopic)
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=TopicCategory.objects.all())
    community = django_filters.ModelChoiceFilter(label=_("Community"), queryset=Community.objects.all())
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsultationTopic
        fields = []


class _ServiceSaveMixin:
    """Admin create/edit views whose write goes through a service; a refusal becomes a form error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (services.TopicActionRefused, WorkflowError) as error:
            # The transaction of super().form_valid rolled back: nothing was saved.
            show_refusal(self.request, error, form=form)
            self.produced_error_code = "validation_error"
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class TopicCreateView(_ServiceSaveMixin, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_topic(
            author=data["author"],
            community=data["community"],
            title=data["title"],
            description=data["description"],
            category=data["category"],
            submit=data["submit_now"],
            entered_by=self.request.user,
        )

    def get_success_url(self):
        # Coordinators may not edit a resident's text: show the topic (with its transitions) instead.
        return reverse("consultation_topics:inspect", args=[self.object.pk])


class TopicEditView(_ServiceSaveMixin, generic.EditView):
    def save_instance(self):
        return services.recategorize_topic(
            topic=self.object, category=self.form.cleaned_data["category"], actor=self.request.user
        )


class TopicInspectView(generic.InspectView):
    def get_source_diary_entry_display_value(self):
        return diary_entry_link(self.object.source_diary_entry, self.request.user)


class ConsultationTopicViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = ConsultationTopic
    icon = "help"
    menu_label = _("Topics")
    menu_order = 100
    add_to_admin_menu = False
    list_display = ["title", "state", "category", "community", "author", "submitted_at"]
    filterset_class = TopicFilterSet
    search_fields = ["title", "description"]
    search_backend_name = None
    add_view_class = TopicCreateView
    edit_view_class = TopicEditView
    inspect_view_class = TopicInspectView
    inspect_view_fields = [
        "title",
        "state",
        "community",
        "category",
        "author",
        "entered_by",
        "source_diary_entry",
        "description",
        "submitted_at",
        "resolution",
        "decided_in",
        "implementation_note",
        "is_hidden",
        "hidden_reason",
    ]

    def get_form_class(self, for_update=False):
        return _scoped_form_class(TopicCategoryChangeForm if for_update else TopicOnBehalfForm)


class TopicCategoryViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = TopicCategory
    icon = "tag"
    menu_label = _("Topic categories")
    menu_order = 300
    list_display = ["name", "community", "sort_order", "is_active"]
    list_filter = ["is_active"]

    def get_form_class(self, for_update=False):
        return _scoped_form_class(TopicCategoryForm)


class MeetingSaveMixin(_ServiceSaveMixin):
    def save_instance(self):
        return services.set_agenda(
            meeting=self.form.instance, topics=self.form.cleaned_data["agenda"], actor=self.request.user
        )


class MeetingCreateView(MeetingSaveMixin, generic.CreateView):
    pass


class MeetingEditView(MeetingSaveMixin, generic.EditView):
    pass


class MeetingInspectView(generic.InspectView):
    template_name = "topics/admin/meeting_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agenda"] = self.object.agenda_items.select_related("topic").order_by("position", "pk")
        return context


class MeetingViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = DeliberationMeeting
    icon = "date"
    menu_label = _("Deliberation meetings")
    menu_order = 200
    list_display = ["title", "community", "starts_at", "place", "status", "attendees_count"]
    list_filter = ["status", "community"]
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    inspect_view_enabled = True
    inspect_view_class = MeetingInspectView
    inspect_template_name = MeetingInspectView.template_name
    inspect_view_fields = [
        "title",
        "community",
        "starts_at",
        "ends_at",
        "place",
        "host",
        "status",
        "attendees_count",
        "minutes",
    ]

    def get_form_class(self, for_update=False):
        return _scoped_form_class(MeetingForm)


class ModerationFilterSet(WagtailFilterSet):
    state = _state_filter(ModerationCase)
    community = django_filters.ModelChoiceFilter(label=_("Community"), queryset=Community.objects.all())

    class Meta:
        model = ModerationCase
        fields = []


class ModerationCaseViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    """The moderation queue: open cases first; hide or dismiss from the case's page (with its timeline)."""

    model = ModerationCase
    icon = "warning"
    menu_label = _("Moderation queue")
    menu_order = 400
    list_display = ["__str__", "state", "community", "report_count", "auto_hidden_at", "created_at"]
    filterset_class = ModerationFilterSet
    form_fields = ["community"]  # never edited: the permission to change is not granted to anyone
    inspect_view_fields = ["state", "community", "reported_text", "reports_summary", "auto_hidden_at"]


class TopicsViewSetGroup(ViewSetGroup):
    menu_label = _("Deliberation hall")
    menu_icon = "group"
    menu_order = 230
    items = (
        ConsultationTopicViewSet("consultation_topics"),
        MeetingViewSet("deliberation_meetings"),
        TopicCategoryViewSet("topic_categories"),
        ModerationCaseViewSet("moderation_cases"),
    )


def register_log_actions(actions):
    """The automatic hiding after several reports: shown on the case's history in the admin."""
    actions.register_action(
        services.AUTO_HIDE_ACTION, _("Hidden automatically"), _("Hidden automatically after several reports")
    )
