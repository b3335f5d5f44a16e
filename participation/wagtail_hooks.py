"""The core's admin: communities and the residents to verify (each flow registers its own admin)."""

from wagtail import hooks

from participation.viewsets import CommunityViewSet, ResidentViewSet


@hooks.register("register_admin_viewset")
def register_community_viewset():
    return CommunityViewSet("communities")


@hooks.register("register_admin_viewset")
def register_resident_viewset():
    return ResidentViewSet("residents")
