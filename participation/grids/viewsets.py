"""Admin of grids, households and the 民情日记, each scoped to the staff member's communities. A diary entry's
page turns its concern into a 解忧铺 request or a 议事厅 topic and links to what was made of it."""

import django_filters
from django import forms
from django.db.models import Prefetch
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from participation.admin_scoping import CommunityScopedViewSetMixin, _scoped_form_class, my_grids
from participation.grids import conversion
from participation.grids.conversion_views import ConvertDiaryEntryView, convert_links, created_items
from participation.grids.forms import DiaryEntryForm, GridForm, HouseholdForm
from participation.grids.models import DiaryEntry, DiaryKind
from participation.grids.views import DiaryStatisticsView
from participation.models import Grid, Household
from participation.selectors import communities_for_user


class GridViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Grid
    icon = "table"
    menu_label = _("Grids")
    list_display = ["name", "community", "worker", "party_branch", "position"]
    list_filter = ["community"]

    def get_form_class(self, for_update=False):
        return _scoped_form_class(GridForm)


def my_communities(request):
    return communities_for_user(user=request.user).order_by("name")


class HouseholdFilterSet(WagtailFilterSet):
    community = django_filters.ModelChoiceFilter(label=_("Community"), queryset=my_communities)
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=my_grids)

    class Meta:
        model = Household
        fields = []


class HouseholdViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Household
    icon = "home"
    menu_label = _("Households")
    list_display = ["address", "head_name", "grid", "members", "community"]
    filterset_class = HouseholdFilterSet
    search_fields = ["address", "head_name"]

    def get_form_class(self, for_update=False):
        return _scoped_form_class(HouseholdForm)


class DiaryFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=DiaryKind.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    grid = django_filters.ModelChoiceFilter(label=_("Grid"), queryset=my_grids)
    visited_on = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = DiaryEntry
        fields = []


class CreatedColumn(Column):
    """What the concern was turned into (each converter's items, prefetched)."""

    def get_value(self, instance):
        return "; ".join(
            str(converter.item_format % {"object": item})
            for converter in conversion.diary_converters()
            for item in getattr(instance, converter.related_name).all()
        )


class DiaryIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("household", "grid", "author")
            .prefetch_related(
                *(
                    Prefetch(converter.related_name, queryset=converter.model._default_manager.only("pk"))
                    for converter in conversion.diary_converters()
                )
            )
        )


class DiaryEditView(EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry, user = self.object, self.request.user
        context["created_items"] = created_items(entry=entry, user=user)
        context["convert_links"] = convert_links(entry=entry, user=user, made=context["created_items"])
        return context


class DiaryEntryViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = DiaryEntry
    icon = "doc-full"
    menu_label = _("Visit diary")
    list_display = [
        "visited_on",
        "household",
        "kind",
        "grid",
        "author",
        CreatedColumn("created", label=_("Turned into")),
    ]
    filterset_class = DiaryFilterSet
    search_fields = ["concerns", "follow_up"]
    ordering = ["-visited_on", "-pk"]
    index_view_class = DiaryIndexView
    edit_view_class = DiaryEditView
    edit_template_name = "grids/admin/diary_edit.html"

    def get_form_class(self, for_update=False):
        return DiaryEntryForm

    def get_urlpatterns(self):
        # One confirmation page per registered converter (the 解忧铺's, the 议事厅's).
        return super().get_urlpatterns() + [
            path(
                f"<int:pk>/convert/{converter.kind}/",
                ConvertDiaryEntryView.as_view(kind=converter.kind),
                name=f"convert_{converter.kind}",
            )
            for converter in conversion.diary_converters()
        ]


class GridsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Grids and visits")
    menu_icon = "table"
    menu_order = 230
    items = (GridViewSet("grids"), HouseholdViewSet("households"), DiaryEntryViewSet("diary"))


DIARY_STATISTICS_URL = ("diary-statistics/", DiaryStatisticsView.as_view(), "participation_diary_statistics")
