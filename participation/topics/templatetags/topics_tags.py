from django import template

from participation.mobile import mask_name
from participation.topics import selectors

register = template.Library()
MY_TOPICS_ON_ACCOUNT_PAGE = 10


@register.filter
def masked_name(user) -> str:
    """A resident's name as public pages show it: 张*明."""
    return mask_name(getattr(user, "display_name", "") or "") if user is not None else ""


@register.simple_tag
def my_recent_topics(user):
    """`{% my_recent_topics request.user as topics %}`: the latest of the user's own topics, every state."""
    return list(selectors.topics_of_author(user=user)[:MY_TOPICS_ON_ACCOUNT_PAGE])
