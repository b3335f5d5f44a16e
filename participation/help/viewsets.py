"""Wagtail admin of 人人解忧铺: requests (scoped to the staff member's communities, overdue flag and filter,
transitions with their forms), categories, response templates and the statistics page, in one menu group."""

import django_filters
from django import forms
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from participation.admin_scoping import CommunityReviewableViewSetMixin, CommunityScopedViewSetMixin, my_grids
from participation.grids.links import diary_entry_link
from participation.help import selectors, services
from participation.help.admin_views import HelpEntryView, HelpStatisticsView, HelpTransitionView
from participation.help.forms import HelpEditForm
from participation.help.models.categories import HelpCategory, ResponseTemplate
from participation.help.models.requests import HelpRequest, HelpState
from participation.selectors import photos_for
from workflows.viewsets import ReviewableViewSetMixin


class OverdueFilter(django_filters.ChoiceFilter):
    def filter(self, queryset, value):
        if value == "yes":
            return queryset.filter(selectors.overdue_q())
        if value == "no":
            return queryset.exclude(selectors.overdue_q())
        return queryset


class HelpRequestFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=HelpState.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    overdue = OverdueFilter(
        label=_("Overdue"),
        choices=[("yes", _("Overdue")), ("no", _("Not overdue"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    category = django_filters.ModelChoiceFilter(label=_("Category"), queryset=HelpCategory.objects.all())
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=my_grids)
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = HelpRequest
        fields = []


class OverdueColumn(Column):
    def get_value(self, instance):
        return _("Overdue") if getattr(instance, "overdue", False) else ""


class HelpInspectView(InspectView):
    def get_photos_display_value(self):
        photos = photos_for(item=self.object)
        return (
            format_html_join(
                " ",
                '<a href="{0}"><img src="{0}" alt="" width="160"></a>',
                ((photo.image.url,) for photo in photos),
            )
            or "-"
        )

    def get_handler_display_value(self):
        handler = self.object.handler_display
        if self.object.assigned_organisation_contact:
            handler = f"{handler}（{self.object.assigned_organisation_contact}）"
        organisation = self.object.assigned_organisation
        url = AdminURLFinder(self.request.user).get_edit_url(organisation) if organisation else None
        return format_html('<a href="{}">{}</a>', url, handler) if url else (handler or "-")

    def get_source_diary_entry_display_value(self):
        return diary_entry_link(self.object.source_diary_entry, self.request.user)

    def get_field_label(self, field_name, field):
        labels = {"photos": _("Photos"), "handler": _("Handler")}
        return labels.get(field_name) or super().get_field_label(field_name, field)


class HelpEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.update_details(
            request=self.object,
            actor=self.request.user,
            category=data["category"],
            is_sensitive=data["is_sensitive"],
            grid=data.get("grid"),
        )


class HelpRequestViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = HelpRequest
    icon = "help"
    menu_label = _("Help requests")
    transition_view_class = HelpTransitionView
    inspect_view_class = HelpInspectView
    edit_view_class = HelpEditView
    filterset_class = HelpRequestFilterSet
    search_fields = ["summary", "description", "requester_name", "requester_phone"]
    list_display = [
        "__str__",
        "category",
        "state",
        OverdueColumn("overdue", label=_("Overdue")),
        "community",
        "grid",
        DateColumn("submitted_at", label=_("Submitted")),
        DateColumn("response_due_at", label=_("Response due")),
        DateColumn("resolution_due_at", label=_("Resolution due")),
    ]
    # Contact details are in the export: only the staff of the request's community ever reach it.
    list_export = [
        "pk",
        "community",
        "grid",
        "category",
        "summary",
        "state",
        "requester_name",
        "requester_phone",
        "channel",
        "submitted_at",
        "response_due_at",
        "resolution_due_at",
        "responded_at",
        "resolved_at",
        "closed_at",
        "rating",
        "handler_display",
    ]
    export_filename = "help-requests"
    inspect_view_fields = [
        "community",
        "category",
        "summary",
        "description",
        "photos",
        "requester_name",
        "requester_phone",
        "author",
        "entered_by",
        "channel",
        "grid",
        "source_diary_entry",
        "is_public",
        "is_sensitive",
        "state",
        "submitted_at",
        "response_due_at",
        "resolution_due_at",
        "responded_at",
        "handler",
        "assigned_at",
        "resolution_note",
        "resolved_at",
        "rating",
        "closed_at",
        "duplicate_of",
    ]

    def filter_queryset_for_user(self, queryset, user):
        # Coordination and operations: their communities' requests; a grid worker: those routed to them.
        queryset = selectors.visible_to_staff(queryset, user=user).exclude(state=HelpState.DRAFT)
        return selectors.with_overdue(queryset).select_related("category", "community", "grid")

    def get_form_class(self, for_update=False):
        return HelpEditForm

    @property
    def add_view(self):
        return HelpEntryView.as_view(viewset=self)


class HelpCategoryViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = HelpCategory
    icon = "tag"
    menu_label = _("Help categories")
    list_display = ["name", "community", "response_hours", "resolution_days", "sort_order", "is_active"]
    list_filter = ["community", "is_active"]
    # Panels (not form_fields): the form is then Wagtail's, which knows the user, so the community choice is
    # narrowed to the user's own communities by CommunityScopedViewSetMixin.
    panels = [
        FieldPanel(name)
        for name in ("community", "name", "response_hours", "resolution_days", "sort_order", "is_active")
    ]


class ResponseTemplateViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = ResponseTemplate
    icon = "doc-full"
    menu_label = _("Response templates")
    list_display = ["title", "community", "is_active"]
    list_filter = ["community", "is_active"]
    search_fields = ["title", "text"]
    panels = [FieldPanel(name) for name in ("community", "title", "text", "is_active")]


class _StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("help.view_help_statistics")


class HelpStatisticsViewSet(ViewSet):
    icon = "table"
    menu_label = _("Help statistics")
    menu_item_class = _StatisticsMenuItem

    def get_urlpatterns(self):
        return [path("", HelpStatisticsView.as_view(), name="index")]


class HelpViewSetGroup(ViewSetGroup):
    menu_label = _("Help desk")
    menu_icon = "help"
    menu_order = 230
    items = (
        HelpRequestViewSet("help_requests"),
        HelpCategoryViewSet("help_categories"),
        ResponseTemplateViewSet("help_response_templates"),
        HelpStatisticsViewSet("help_statistics"),
    )
