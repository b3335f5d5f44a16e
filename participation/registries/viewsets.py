"""Wagtail admin for the registries: each scoped to the staff member's communities."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from participation.admin_scoping import CommunityScopedViewSetMixin
from participation.models import Facility, SocialOrganisation, SocialWorker


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
    panels = panels_for(["community", "name", "org_type", "status", "registered_on", "contact_name", "contact_phone",
                   "is_active"])


class SocialWorkerViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = SocialWorker
    icon = "user"
    menu_label = _("Social workers")
    list_display = ["name", "certificate", "certified_on", "community", "is_active"]
    list_filter = ["certificate", "is_active", "community"]
    search_fields = ["name", "mobile"]
    panels = panels_for(["community", "name", "mobile", "certificate", "certified_on", "is_active"])


class FacilityViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Facility
    icon = "home"
    menu_label = _("Facilities")
    list_display = ["name", "facility_type", "area", "is_service_space", "is_waste_sorting", "is_completed",
                    "community"]
    list_filter = ["facility_type", "is_service_space", "is_waste_sorting", "is_completed", "community"]
    search_fields = ["name"]
    panels = panels_for(["community", "name", "facility_type", "area", "is_service_space", "is_waste_sorting",
                   "is_completed", "is_active"])


class RegistryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Registries")
    menu_icon = "folder-open-inverse"
    menu_order = 240
    items = (
        SocialOrganisationViewSet("social_organisations"),
        SocialWorkerViewSet("social_workers"),
        FacilityViewSet("facilities"),
    )
