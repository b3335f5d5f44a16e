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

import participation.help.wagtail_hooks  # noqa: E402,F401  (人人解忧铺 registers its admin itself)
