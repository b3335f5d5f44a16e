"""Admin of grids, households and the 民情日记, each scoped to the staff member's communities."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from participation.admin_scoping import CommunityScopedViewSetMixin
from participation.grids.forms import DiaryEntryForm
from participation.grids.views import DiaryStatisticsView
from participation.models import DiaryEntry, Grid, Household


class GridViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Grid
    icon = "table"
    menu_label = _("Grids")
    list_display = ["name", "community", "worker", "party_branch", "position"]
    list_filter = ["community"]
    form_fields = ["community", "name", "worker", "party_branch", "position", "area"]


class HouseholdViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Household
    icon = "home"
    menu_label = _("Households")
    list_display = ["address", "head_name", "grid", "members", "community"]
    list_filter = ["community", "grid"]
    search_fields = ["address", "head_name"]
    form_fields = ["community", "grid", "address", "head_name", "phone", "members", "notes"]


class DiaryEntryViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = DiaryEntry
    icon = "doc-full"
    menu_label = _("Visit diary")
    list_display = ["visited_on", "household", "kind", "grid", "author"]
    list_filter = ["kind", "grid", "visited_on"]
    search_fields = ["concerns", "follow_up"]
    ordering = ["-visited_on", "-pk"]

    def get_form_class(self, for_update=False):
        return DiaryEntryForm


class GridsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Grids and visits")
    menu_icon = "table"
    menu_order = 230
    items = (GridViewSet("grids"), HouseholdViewSet("households"), DiaryEntryViewSet("diary"))


DIARY_STATISTICS_URL = ("diary-statistics/", DiaryStatisticsView.as_view(), "participation_diary_statistics")
