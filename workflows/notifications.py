"""Notifications after a transition: an in-site message each, and email by the recipient's preference.

Only ever called after the transition's transaction committed (transaction.on_commit), so a rolled-back
transition notifies nobody."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workflows.models import Delivery, Message, NotificationPreference, TransitionLog

logger = logging.getLogger(__name__)


def default_delivery() -> str:
    # Design §3: by default people get a message and an email; a deployment may choose otherwise.
    return getattr(settings, "WORKFLOWS_DEFAULT_DELIVERY", Delivery.EMAIL_IMMEDIATE)


def delivery_for(*, user, kind: str) -> str:
    preference = NotificationPreference.objects.filter(user=user, kind=kind)
    return preference.values_list("delivery", flat=True).first() or default_delivery()


def email_address(user) -> str:
    return (getattr(user, user.get_email_field_name(), "") or "").strip()


def absolute_url(url: str) -> str:
    if url.startswith("/") and not url.startswith("//"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def _display_name(user) -> str:
    if user is None:
        return _("someone")
    return getattr(user, "display_name", "") or str(user)


def _compose(*, obj, log: TransitionLog, as_reviewer: bool) -> tuple[str, str]:
    verbose_name = obj._meta.verbose_name
    if as_reviewer:
        subject = _("To review: %(model)s “%(object)s”") % {"model": verbose_name, "object": obj}
    else:
        subject = _("Your %(model)s “%(object)s” is now: %(state)s") % {
            "model": verbose_name,
            "object": obj,
            "state": log.to_state_label,
        }
    lines = [
        _("%(actor)s: %(action)s (%(from)s → %(to)s).")
        % {
            "actor": _display_name(log.actor),
            "action": log.transition_label,
            "from": log.from_state_label,
            "to": log.to_state_label,
        }
    ]
    if log.comment:
        lines.append(_("Comment: %(comment)s") % {"comment": log.comment})
    # Subjects go into email headers: one line, bounded like the model field.
    return " ".join(str(subject).split())[:200], "\n".join(str(line) for line in lines)


def recipients_for(*, obj, log: TransitionLog) -> list[tuple[object, bool]]:
    """(user, as_reviewer) pairs: the author, and the reviewers when the item now waits for review.

    The actor is left out: people are not told about what they just did."""
    recipients: dict[int, tuple[object, bool]] = {}
    if obj.state in obj.review_states:
        for user in obj.reviewer_candidates():
            if obj.user_can_review(user):
                recipients[user.pk] = (user, True)
    author = obj.author
    if author is not None and author.is_active:
        recipients[author.pk] = (author, False)
    recipients.pop(log.actor_id, None)
    return list(recipients.values())


def notify_transition(*, log_id: int) -> list[Message]:
    from workflows.tasks import send_message_email

    log = TransitionLog.objects.select_related("actor", "content_type").get(pk=log_id)
    model = log.content_type.model_class()
    obj = model._default_manager.select_related("author").get(pk=log.object_id)
    kind = obj.get_notification_kind()
    created = []
    with transaction.atomic():
        for user, as_reviewer in recipients_for(obj=obj, log=log):
            subject, body = _compose(obj=obj, log=log, as_reviewer=as_reviewer)
            message = Message.objects.create(
                recipient=user,
                kind=kind,
                subject=subject,
                body=body,
                url=obj.notification_url(recipient=user, as_reviewer=as_reviewer),
                transition_log=log,
            )
            created.append(message)
            if delivery_for(user=user, kind=kind) == Delivery.EMAIL_IMMEDIATE and email_address(user):
                transaction.on_commit(partial_enqueue(send_message_email, message.pk))
    return created


def notify_user(*, recipient, kind: str, subject: str, body: str = "", url: str = "") -> Message | None:
    """An in-site message to one user about something other than a transition (a new comment, a moderation
    decision …), emailed by the recipient's preference for `kind` once the surrounding transaction commits.

    Call it inside the transaction of the action it reports: if that rolls back, so does the message."""
    from workflows.tasks import send_message_email

    if recipient is None or not recipient.is_active:
        return None
    message = Message.objects.create(
        recipient=recipient,
        kind=kind,
        subject=" ".join(str(subject).split())[:200],
        body=str(body),
        url=url,
    )
    if delivery_for(user=recipient, kind=kind) == Delivery.EMAIL_IMMEDIATE and email_address(recipient):
        transaction.on_commit(partial_enqueue(send_message_email, message.pk), robust=True)
    return message


def partial_enqueue(task, message_id: int):
    def enqueue():
        task.enqueue(message_id=message_id)

    return enqueue


def send_message_email_now(*, message_id: int) -> bool:
    """Email one message to its recipient, once. Returns whether an email went out."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=message_id)
            .first()
        )
        if message is None or message.emailed_at is not None:
            return False
        address = email_address(message.recipient)
        if not address:
            return False
        body = message.body
        if message.safe_url:
            body = f"{body}\n\n{absolute_url(message.safe_url)}"
        send_mail(message.subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        message.emailed_at = timezone.now()
        message.save(update_fields=["emailed_at"])
    return True


def send_digests(*, now=None) -> int:
    """Email each user one digest of their unread digest-preference messages of the last day. Returns the
    number of emails sent; a message is never part of two digests, nor of a digest after its own email."""
    now = now or timezone.now()
    pending = Message.objects.filter(
        read_at__isnull=True,
        digested_at__isnull=True,
        emailed_at__isnull=True,
        created_at__gte=now - timedelta(days=1),
        created_at__lte=now,
    )
    sent = 0
    for user_id in pending.values_list("recipient_id", flat=True).distinct().order_by("recipient_id"):
        if _send_digest(user_id=user_id, pending=pending, now=now):
            sent += 1
    return sent


def _send_digest(*, user_id, pending, now) -> bool:
    with transaction.atomic():
        # skip_locked: a second digest run at the same moment (another server) leaves these to this one.
        messages = list(
            pending.filter(recipient_id=user_id)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .order_by("created_at", "pk")
        )
        if not messages:
            return False
        user = messages[0].recipient
        preferences = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
        fallback = default_delivery()
        messages = [m for m in messages if preferences.get(m.kind, fallback) == Delivery.DAILY_DIGEST]
        address = email_address(user)
        if not messages or not address:
            return False
        subject = _("Your messages of the last day (%(count)d)") % {"count": len(messages)}
        parts = []
        for message in messages:
            part = f"· {message.subject}\n{message.body}"
            if message.safe_url:
                part += f"\n{absolute_url(message.safe_url)}"
            parts.append(part)
        send_mail(subject, "\n\n".join(parts), settings.DEFAULT_FROM_EMAIL, [address])
        Message.objects.filter(pk__in=[m.pk for m in messages]).update(digested_at=now)
    logger.info("Sent a digest of %d messages to user %s", len(messages), user_id)
    return True
