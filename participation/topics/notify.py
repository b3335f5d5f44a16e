"""Messages of the 议事厅 that are not transitions: new comments, and moderation decisions about an item.

Transitions notify through the workflow core by themselves; these go through its `notify_user`."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.topics import selectors
from workflows.notifications import notify_user
from workflows.registry import register_notification_kind

DISCUSSION_KIND = "topic_discussion"
MODERATION_KIND = "topic_moderation"

register_notification_kind(DISCUSSION_KIND, gettext_lazy("Comments on topics I proposed or follow"))
register_notification_kind(MODERATION_KIND, gettext_lazy("Moderation of my topics and comments"))


def _display(user) -> str:
    from participation.mobile import mask_name

    return mask_name(getattr(user, "display_name", "") or "") or _("A resident")


def comment_posted(*, comment, recipients) -> int:
    """Tell `recipients` (the topic's author, its followers, the author of the comment replied to)."""
    topic = comment.topic
    subject = _("New comment on “%(topic)s”") % {"topic": topic.title}
    body = _("%(name)s wrote: %(text)s") % {"name": _display(comment.author), "text": comment.body[:200]}
    sent = 0
    for user in recipients:
        if notify_user(
            recipient=user,
            kind=DISCUSSION_KIND,
            subject=subject,
            body=body,
            url=selectors.comment_url(comment=comment),
        ):
            sent += 1
    return sent


def _item_words(item) -> tuple[str, str]:
    from participation.topics.models import ConsultationTopic

    if isinstance(item, ConsultationTopic):
        return _("Your topic “%(title)s”") % {"title": item.title}, item.get_absolute_url()
    return _("Your comment on “%(title)s”") % {"title": item.topic.title}, item.topic.get_absolute_url()


def item_hidden(*, case, reason: str) -> None:
    """The coordination group hid an item: its author learns why."""
    item = case.item
    what, url = _item_words(item)
    notify_user(
        recipient=item.author,
        kind=MODERATION_KIND,
        subject=_("%(what)s has been hidden") % {"what": what},
        body=_("Reason: %(reason)s") % {"reason": reason},
        url=url,
    )


def item_auto_hidden(*, case) -> None:
    item = case.item
    what, url = _item_words(item)
    notify_user(
        recipient=item.author,
        kind=MODERATION_KIND,
        subject=_("%(what)s is hidden until it is reviewed") % {"what": what},
        body=_(
            "Several residents reported it. The coordination group of your community will review it soon; "
            "you will be told the outcome."
        ),
        url=url,
    )
