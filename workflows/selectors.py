"""Read queries of the workflow core, for pages, the admin and other apps."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from workflows.models import Message, NotificationPreference, TransitionLog
from workflows.registry import registered_reviewables


def transition_logs_for(*, obj) -> QuerySet[TransitionLog]:
    """The item's timeline, oldest first."""
    return (
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("actor", "content_type")
        .order_by("created_at", "pk")
    )


def messages_for(*, user, unread_only: bool = False) -> QuerySet[Message]:
    """The user's messages, newest first (slice or paginate it)."""
    if not user.is_authenticated:
        return Message.objects.none()
    messages = Message.objects.filter(recipient=user)
    if unread_only:
        messages = messages.filter(read_at__isnull=True)
    return messages.order_by("-created_at", "-pk")


def unread_message_count(*, user) -> int:
    return messages_for(user=user, unread_only=True).count()


def notification_preferences_for(*, user) -> dict[str, str]:
    return dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))


def review_queue(*, user, model) -> QuerySet:
    """Items of `model` waiting for `user` to review them, oldest submission first."""
    queryset = model._default_manager.filter(state__in=model.review_states)
    return model.filter_review_queue(queryset, user).order_by("submitted_at", "pk")


def review_queues(*, user) -> list[tuple[type, QuerySet]]:
    """`review_queue` for every registered reviewable model."""
    return [(model, review_queue(user=user, model=model)) for model in registered_reviewables()]
