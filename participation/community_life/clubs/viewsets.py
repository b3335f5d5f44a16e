"""Wagtail admin of community life: clubs and bookings to review, the shared spaces with their opening hours,
and the service directory — in one menu group, each scoped to the staff member's communities."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from participation.admin_scoping import CommunityReviewableViewSetMixin, CommunityScopedViewSetMixin
from participation.community_life.clubs.forms import formfield_https
from participation.community_life.models import Club, ServicePoint, SharedSpace, SpaceBooking
from participation.models import User
from workflows.viewsets import ReviewableViewSetMixin


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Residents create these items on the public site; the admin only reviews (and lightly edits) them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Club, NoAddPermissionPolicy(Club))
register_permission_policy(SpaceBooking, NoAddPermissionPolicy(SpaceBooking))


class ClubAdminForm(forms.ModelForm):
    class Meta:
        model = Club
        fields = [
            "name",
            "category",
            "description",
            "leader",
            "meeting_time",
            "place",
            "member_limit",
            "activities_url",
        ]
        formfield_callback = formfield_https

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        # The leader is one of the club's community: never a list of every user of the street.
        community_id = getattr(self.instance, "community_id", None)
        self.fields["leader"].queryset = User.objects.filter(communities=community_id).order_by(
            "display_name"
        )


class ClubViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = Club
    icon = "group"
    menu_label = _("Clubs")
    list_display = ["__str__", "category", "state", "leader", "community", "submitted_at"]
    search_fields = ["name", "description"]
    inspect_view_fields = [
        "community",
        "name",
        "category",
        "description",
        "leader",
        "meeting_time",
        "place",
        "member_limit",
        "activities_url",
        "state",
        "author",
        "submitted_at",
    ]

    def get_form_class(self, for_update=False):
        return ClubAdminForm


class SpaceBookingViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = SpaceBooking
    icon = "date"
    menu_label = _("Space bookings")
    list_display = ["__str__", "space", "club", "state", "author", "submitted_at"]
    # Times are not editable here: a changed slot would skip the overlap and opening-hours checks.
    form_fields = ["purpose", "attendees"]
    inspect_view_fields = [
        "community",
        "space",
        "date",
        "start_time",
        "end_time",
        "purpose",
        "attendees",
        "club",
        "state",
        "author",
        "submitted_at",
    ]


class SharedSpaceViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = SharedSpace
    icon = "home"
    menu_label = _("Shared spaces")
    list_display = ["name", "kind", "capacity", "community", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "location"]
    panels = [
        FieldPanel("community"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("location")]),
        FieldPanel("description"),
        FieldPanel("is_active"),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening interval")),
    ]


class ServicePointViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = ServicePoint
    icon = "site"
    menu_label = _("Service circle")
    list_display = ["name", "category", "walking_minutes", "community", "is_active"]
    list_filter = ["category", "walking_minutes", "is_active"]
    search_fields = ["name", "address"]
    form_fields = [
        "community",
        "name",
        "category",
        "walking_minutes",
        "address",
        "opening_hours",
        "phone",
        "description",
        "is_active",
    ]


class CommunityLifeViewSetGroup(ViewSetGroup):
    menu_label = _("Community life")
    menu_icon = "group"
    menu_order = 240
    items = (
        ClubViewSet("community_clubs"),
        SpaceBookingViewSet("community_space_bookings"),
        SharedSpaceViewSet("community_shared_spaces"),
        ServicePointViewSet("community_service_points"),
    )
