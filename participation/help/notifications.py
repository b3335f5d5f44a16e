"""Notifications beyond the workflow core's (which tells the requester and the triagers): the handler, and the
requesters of duplicates, who follow the original. Same channel as the core: an in-site Message linked to the
transition, and email by the recipient's preference. Visitors have no account: their tracking link shows it all."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from workflows.models import Delivery, Message, TransitionLog
from workflows.notifications import delivery_for, email_address, partial_enqueue


def _line(log: TransitionLog) -> str:
    actor = (getattr(log.actor, "display_name", "") or str(log.actor)) if log.actor else _("someone")
    return _("%(actor)s: %(action)s (%(from)s → %(to)s).") % {
        "actor": actor,
        "action": log.transition_label,
        "from": log.from_state_label,
        "to": log.to_state_label,
    }


def _send(*, user, subject: str, body: str, url: str, log: TransitionLog, kind: str) -> Message:
    from workflows.tasks import send_message_email

    message = Message.objects.create(
        recipient=user,
        kind=kind,
        subject=" ".join(subject.split())[:200],
        body=body,
        url=url,
        transition_log=log,
    )
    if delivery_for(user=user, kind=kind) == Delivery.EMAIL_IMMEDIATE and email_address(user):
        transaction.on_commit(partial_enqueue(send_message_email, message.pk))
    return message


def notify_handler_and_followers(*, log_id: int) -> list[Message]:
    from participation.help.models.requests import HelpRequest, HelpState

    log = TransitionLog.objects.select_related("actor", "content_type").get(pk=log_id)
    obj = HelpRequest.objects.select_related("assigned_staff", "assigned_volunteer").get(pk=log.object_id)
    kind = obj.get_notification_kind()
    skip = {log.actor_id, obj.author_id}
    skip |= set(Message.objects.filter(transition_log=log).values_list("recipient_id", flat=True))
    sent = []
    with transaction.atomic():
        for handler in (obj.assigned_staff, obj.assigned_volunteer):
            if handler is None or not handler.is_active or handler.pk in skip:
                continue
            skip.add(handler.pk)
            if handler.is_staff:
                url = AdminURLFinder(handler).get_edit_url(obj) or ""
            else:
                url = reverse("help:detail", args=[obj.pk])  # the volunteer's view of it
            body = _line(log)
            if log.comment:
                body += "\n" + _("Comment: %(comment)s") % {"comment": log.comment}
            subject = _("Help request you handle “%(object)s”: %(state)s") % {
                "object": obj,
                "state": log.to_state_label,
            }
            sent.append(_send(user=handler, subject=subject, body=body, url=url, log=log, kind=kind))
        # Followers: the requester of each duplicate of this request; they see its state, not others' words.
        duplicates = (
            HelpRequest.objects.filter(duplicate_of=obj, state=HelpState.DUPLICATE, author__is_active=True)
            .select_related("author")
            .order_by("pk")
        )
        for duplicate in duplicates:
            if duplicate.author_id in skip:
                continue
            skip.add(duplicate.author_id)
            subject = _("The request you follow “%(object)s” is now: %(state)s") % {
                "object": obj,
                "state": log.to_state_label,
            }
            sent.append(
                _send(
                    user=duplicate.author,
                    subject=subject,
                    body=_line(log),
                    url=duplicate.get_absolute_url(),
                    log=log,
                    kind=kind,
                )
            )
    return sent
