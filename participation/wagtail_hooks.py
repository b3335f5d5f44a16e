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
def register_topics_viewsets():
    from participation.topics.viewsets import TopicsViewSetGroup

    return TopicsViewSetGroup()


@hooks.register("register_log_actions")
def register_topics_log_actions(actions):
    from participation.topics.viewsets import register_log_actions

    register_log_actions(actions)
