from wagtail import hooks
from wagtail.snippets.models import register_snippet

from participation.viewsets import BehaviourItemViewSet, CommunityViewSet, ResidentViewSet

register_snippet(BehaviourItemViewSet)


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
