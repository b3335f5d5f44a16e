"""Wagtail admin for the registries: each scoped to the staff member's communities."""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from participation.admin_scoping import CommunityScopedViewSetMixin, my_grids
from participation.registries.forms import FacilityForm
from participation.registries.models import Facility, FacilityType, SocialOrganisation, SocialWorker
from participation.selectors import communities_for_user


def panels_for(fields):
    # Panels, not form_fields: Wagtail then builds a WagtailAdminModelForm, which receives `for_user`, and
    # CommunityScopedViewSetMixin narrows the community choice to the user's own communities.
    return [FieldPanel(name) for name in fields]


class SocialOrganisationViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = SocialOrganisation
    icon = "group"
    menu_label = _("Social organisations")
    list_display = ["name", "org_type", "status", "registered_on", "contact_name", "community", "is_active"]
    list_filter = ["org_type", "status", "is_active", "community"]
    search_fields = ["name", "contact_name"]
    panels = panels_for(
        [
            "community",
            "name",
            "org_type",
            "status",
            "registered_on",
            "contact_name",
            "contact_phone",
            "is_active",
        ]
    )


class SocialWorkerViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = SocialWorker
    icon = "user"
    menu_label = _("Social workers")
    list_display = ["name", "certificate", "certified_on", "community", "is_active"]
    list_filter = ["certificate", "is_active", "community"]
    search_fields = ["name", "mobile"]
    panels = panels_for(["community", "name", "mobile", "certificate", "certified_on", "is_active"])


def _my_communities(request):
    return communities_for_user(user=request.user).order_by("name")


def _label(name):
    return capfirst(Facility._meta.get_field(name).verbose_name)


class FacilityFilterSet(WagtailFilterSet):
    # As list_filter would build them, but the grid and community choices are the user's own.
    facility_type = django_filters.ChoiceFilter(label=_label("facility_type"), choices=FacilityType.choices)
    grid = django_filters.ModelChoiceFilter(label=_label("grid"), queryset=my_grids)
    is_service_space = django_filters.BooleanFilter(label=_label("is_service_space"))
    is_waste_sorting = django_filters.BooleanFilter(label=_label("is_waste_sorting"))
    is_completed = django_filters.BooleanFilter(label=_label("is_completed"))
    community = django_filters.ModelChoiceFilter(label=_label("community"), queryset=_my_communities)

    class Meta:
        model = Facility
        fields = []


class FacilityViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Facility
    icon = "home"
    menu_label = _("Facilities")
    list_display = [
        "name",
        "facility_type",
        "area",
        "grid",
        "is_service_space",
        "is_waste_sorting",
        "is_completed",
        "community",
    ]
    filterset_class = FacilityFilterSet
    search_fields = ["name"]
    edit_handler = ObjectList(
        panels_for(
            [
                "community",
                "grid",
                "name",
                "facility_type",
                "area",
                "is_service_space",
                "is_waste_sorting",
                "is_completed",
                "is_active",
            ]
        ),
        base_form_class=FacilityForm,
    )


class RegistryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Registries")
    menu_icon = "folder-open-inverse"
    menu_order = 240
    items = (
        SocialOrganisationViewSet("social_organisations"),
        SocialWorkerViewSet("social_workers"),
        FacilityViewSet("facilities"),
    )
