from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from participation.viewsets import BehaviourItemViewSet, CommunityViewSet, ResidentViewSet
from workflows.registry import register_notification_kind

register_snippet(BehaviourItemViewSet)
register_notification_kind("activity_signup", _("Activity sign-up: moved up from the waitlist"))


@hooks.register("register_admin_viewset")
def register_community_viewset():
    return CommunityViewSet("communities")


@hooks.register("register_admin_viewset")
def register_resident_viewset():
    return ResidentViewSet("residents")


@hooks.register("register_admin_viewset")
def register_activity_check_in_viewset():
    from participation.activities.viewsets import ActivityCheckInViewSet

    return ActivityCheckInViewSet("activity_check_in")


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    from participation.registries.viewsets import RegistryViewSetGroup

    return RegistryViewSetGroup()


@hooks.register("register_admin_viewset")
def register_volunteer_viewsets():
    from participation.volunteers.viewsets import VolunteerViewSetGroup

    return VolunteerViewSetGroup()


@hooks.register("register_admin_viewset")
def register_data_viewset():
    from participation.dataio.viewsets import DataViewSet

    return DataViewSet("data")
