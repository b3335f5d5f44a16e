from django import template

from workflows.selectors import transition_logs_for, unread_message_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages_count(context) -> int:
    """`{% unread_messages_count as count %}` for templates rendered without the context processor."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return unread_message_count(user=user) if user is not None and user.is_authenticated else 0


@register.simple_tag
def transition_timeline(obj):
    """`{% transition_timeline item as logs %}` then include "workflows/includes/timeline.html"."""
    return transition_logs_for(obj=obj)
