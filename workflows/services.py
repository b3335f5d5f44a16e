"""Every write of the workflow core. Callers pass keyword arguments; each write is one transaction."""

from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log as wagtail_log

from workflows import notifications
from workflows.exceptions import (
    AlreadyHandled,
    CommentRequired,
    TransitionForbidden,
    TransitionNotAvailable,
    UnknownTransition,
)
from workflows.models import Delivery, Message, NotificationPreference, Reviewable, TransitionLog
from workflows.registry import notification_kinds, transition_handlers

TRANSITION_LOG_ACTION = "workflows.transition"


def user_may_ever_take(*, obj: Reviewable, transition: str, user) -> bool:
    """Could `user` take `transition` on `obj` from some state (ignoring the current one)?"""
    return any(t.has_perm(obj, user) for t in obj.get_all_state_transitions() if t.name == transition)


def check_transition_allowed(*, obj: Reviewable, transition: str, actor) -> None:
    """Raise TransitionForbidden / TransitionNotAvailable unless `actor` may take `transition` now."""
    if not user_may_ever_take(obj=obj, transition=transition, user=actor):
        # Not theirs to take from any state: say so before saying anything about the state.
        raise TransitionForbidden()
    available = {t.name: t for t in obj.get_available_state_transitions()}
    if transition not in available:
        raise TransitionNotAvailable()
    if not available[transition].has_perm(obj, actor):
        raise TransitionForbidden()


def perform_transition(*, obj: Reviewable, transition: str, actor, comment: str = "") -> Reviewable:
    """Take `transition` on `obj` as `actor`, log it, and notify the people concerned after commit.

    `obj.state` is the state the caller saw: if the row has moved on meanwhile (another reviewer was faster),
    AlreadyHandled is raised and nothing changes. Returns the updated item (a fresh instance)."""
    actor = actor if actor is not None else AnonymousUser()
    comment = (comment or "").strip()
    spec = type(obj).transition_specs().get(transition)
    if spec is None:
        raise UnknownTransition()
    if spec.comment_required and not comment:
        raise CommentRequired()
    check_transition_allowed(obj=obj, transition=transition, actor=actor)

    seen_state = obj.state
    model = type(obj)
    with transaction.atomic():
        # The row lock makes a concurrent transition wait here, then see the state it left behind.
        locked = model._default_manager.select_for_update().get(pk=obj.pk)
        if locked.state != seen_state:
            raise AlreadyHandled()
        check_transition_allowed(obj=locked, transition=transition, actor=actor)

        getattr(locked, transition)(actor=actor, comment=comment)
        locked.save()
        to_state = locked.state
        user = actor if actor.is_authenticated else None
        log = TransitionLog.objects.create(
            content_object=locked,
            actor=user,
            transition=transition,
            from_state=seen_state,
            to_state=to_state,
            comment=comment,
        )
        wagtail_log(
            instance=locked,
            action=TRANSITION_LOG_ACTION,
            user=user,
            data={
                "transition": transition,
                "transition_label": str(spec.label),
                "from_state": seen_state,
                "to_state": to_state,
                "from_label": str(model.state_label(seen_state)),
                "to_label": str(model.state_label(to_state)),
                "comment": comment,
                "transition_log_id": log.pk,
            },
        )
        # The flow's own effects of this transition (registered with workflows.registry.on_transition).
        for handler in transition_handlers(model, transition):
            handler(obj=locked, actor=actor, comment=comment, log=log)
        # Runs only if the whole transaction commits; `robust` so a mail problem never fails the action.
        transaction.on_commit(partial(notifications.notify_transition, log_id=log.pk), robust=True)
    return locked


def mark_message_read(*, message: Message, user) -> Message:
    if message.recipient_id != user.pk:
        raise PermissionError("Only the recipient can mark a message read.")
    if message.read_at is None:
        message.read_at = timezone.now()
        # update() with the null filter: two open tabs never move the first reading time.
        Message.objects.filter(pk=message.pk, read_at__isnull=True).update(read_at=message.read_at)
    return message


def mark_all_messages_read(*, user) -> int:
    return Message.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def set_notification_preferences(*, user, preferences: dict[str, str]) -> None:
    """Store `user`'s delivery per notification kind; only known kinds and deliveries are accepted."""
    known_kinds = notification_kinds()
    valid_deliveries = {choice.value for choice in Delivery}
    for kind, delivery in preferences.items():
        if kind not in known_kinds or delivery not in valid_deliveries:
            raise ValueError(f"Unknown notification kind or delivery: {kind!r}, {delivery!r}")
    with transaction.atomic():
        for kind, delivery in preferences.items():
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )


def log_transition(
    *, obj, transition: str, from_state: str, to_state: str, actor, comment: str = ""
) -> TransitionLog:
    """Log a state change of an item that is not a Reviewable (a small FSM of its own, e.g. a redemption),
    so that every state change in the site has the same timeline. Call it inside the change's transaction.

    Reviewables never need this: perform_transition logs their transitions itself."""
    user = actor if actor is not None and actor.is_authenticated else None
    return TransitionLog.objects.create(
        content_object=obj,
        actor=user,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        comment=(comment or "").strip(),
    )
