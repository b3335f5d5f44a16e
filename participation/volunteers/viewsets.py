"""Wagtail admin of volunteers: registrations, teams, and the hours to review (待我审核)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from participation.admin_scoping import CommunityReviewableViewSetMixin, CommunityScopedViewSetMixin
from participation.volunteers.models import Volunteer, VolunteerHours, VolunteerTeam
from workflows.viewsets import ReviewableViewSetMixin


class VolunteerViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Volunteer
    icon = "user"
    menu_label = _("Volunteers")
    list_display = ["resident", "skills", "availability", "community", "is_active", "registered_at"]
    list_filter = ["is_active", "community", "teams"]
    search_fields = ["skills", "availability", "resident__display_name"]
    panels = [FieldPanel("skills"), FieldPanel("availability"), FieldPanel("teams"), FieldPanel("is_active")]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)

        class VolunteerForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                # Only the teams of the volunteer's own community.
                if "teams" in self.fields:
                    self.fields["teams"].queryset = VolunteerTeam.objects.filter(
                        community_id=self.instance.community_id
                    )

        return VolunteerForm


class VolunteerTeamViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = VolunteerTeam
    icon = "group"
    menu_label = _("Volunteer teams")
    list_display = ["name", "community", "is_active"]
    list_filter = ["community", "is_active"]
    search_fields = ["name"]
    panels = [FieldPanel("community"), FieldPanel("name"), FieldPanel("description"), FieldPanel("is_active")]


class VolunteerHoursViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = VolunteerHours
    icon = "time"
    menu_label = _("Volunteer hours")
    list_display = ["__str__", "state", "hours", "date", "community", "submitted_at"]
    panels = [FieldPanel("date"), FieldPanel("hours"), FieldPanel("description")]


class VolunteerViewSetGroup(ModelViewSetGroup):
    menu_label = _("Volunteers")
    menu_icon = "user"
    menu_order = 235
    items = (
        VolunteerViewSet("volunteers"),
        VolunteerTeamViewSet("volunteer_teams"),
        VolunteerHoursViewSet("volunteer_hours"),
    )
