from django.utils.functional import SimpleLazyObject

from workflows.selectors import unread_message_count


def unread_messages(request):
    """`unread_message_count` for templates; the query runs only if a template uses it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_message_count": 0}
    return {"unread_message_count": SimpleLazyObject(lambda: unread_message_count(user=user))}
