"""人人议事厅 in the admin: topics, categories, meetings and the moderation queue."""

from wagtail import hooks

from participation.topics.viewsets import TopicsViewSetGroup, register_log_actions


@hooks.register("register_admin_viewset")
def register_topics_viewsets():
    return TopicsViewSetGroup()


@hooks.register("register_log_actions")
def register_topics_log_actions(actions):
    register_log_actions(actions)
