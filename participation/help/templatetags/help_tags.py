from django import template

from participation.help import selectors
from participation.selectors import memberships

register = template.Library()


@register.simple_tag(takes_context=True)
def my_help_requests(context, limit: int = 10) -> dict:
    """我的解忧铺 on 我的: `{% my_help_requests as help %}` (the user's requests, and those they handle)."""
    user = context["request"].user
    if not user.is_authenticated:
        return {"requests": [], "assigned": [], "communities": []}
    return {
        "requests": list(selectors.requests_of(user=user)[:limit]),
        "assigned": list(selectors.requests_assigned_to_volunteer(user=user)[:limit]),
        "communities": list(memberships(user=user)),
    }
