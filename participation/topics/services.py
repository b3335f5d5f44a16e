"""Every write of the 人人议事厅 a user can cause: topics, supports, follows, comments, reports, meetings.

Each is one transaction; each refuses with TopicActionRefused, whose message (Chinese) is meant for the user.
State changes of topics and moderation cases go through workflows.services.perform_transition."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log

from participation.models import Community, User
from participation.selectors import photos_for
from participation.services import attach_photos
from participation.topics import notify
from participation.topics.models import (
    AgendaItem,
    ConsultationTopic,
    DeliberationMeeting,
    ModerationCase,
    TopicCategory,
    TopicComment,
    TopicFollow,
    TopicReport,
    TopicState,
    TopicSupport,
)
from participation.topics.models.moderation import AUTO_HIDE_REPORTS, OPEN_CASE_STATES
from participation.topics.models.topics import EDITABLE_STATES
from participation.topics.rules import (
    is_logged_in,
    is_topic_author,
    is_verified,
    lives_in_community,
    topic_is_public,
    topic_is_supportable,
)
from workflows.exceptions import Invalid, UnknownTransition
from workflows.models import AUTHOR, ReviewState
from workflows.services import perform_transition

MAX_PHOTOS = 4
AUTO_HIDE_ACTION = "participation.topics.auto_hide"


class TopicActionRefused(Invalid):
    """A refusal to show the user as it is."""


def _refuse_unless(condition: bool, message) -> None:
    if not condition:
        raise TopicActionRefused(message)


def _check_category(*, category: TopicCategory, community: Community) -> None:
    _refuse_unless(
        category.is_active and category.community_id in (None, community.pk),
        _("Please choose one of the categories offered."),
    )


# --- topics -----------------------------------------------------------------------------------------


def create_topic(
    *,
    author: User,
    community: Community,
    title: str,
    description: str,
    category: TopicCategory,
    images=(),
    submit: bool,
    entered_by: User | None = None,
    source_diary_entry=None,
) -> ConsultationTopic:
    """A resident's topic, saved as a draft or submitted at once. With `entered_by`, a coordinator records a
    topic for `author`, a resident who came in person: the resident is its author, the coordinator is noted.
    With `source_diary_entry`, staff turn a 民情日记 concern into a topic (participation.grids.conversion,
    which checked they may convert that entry), for the household's resident or as its author themselves."""
    if entered_by is not None and source_diary_entry is not None:
        _refuse_unless(
            author.pk != entered_by.pk and author.communities.filter(pk=community.pk).exists(),
            _("The resident must belong to this community."),
        )
    elif entered_by is None:
        _refuse_unless(
            author.has_perm("topics.propose_topic", community),
            _("You can only raise topics in your own community."),
        )
    else:
        _refuse_unless(
            entered_by.has_perm("topics.manage_meetings", community),
            _("Only the coordination group of this community can enter topics for residents."),
        )
        _refuse_unless(
            author.pk != entered_by.pk and author.communities.filter(pk=community.pk).exists(),
            _("The resident must belong to this community."),
        )
    _check_category(category=category, community=community)
    _refuse_unless(len(images) <= MAX_PHOTOS, _("At most %(count)s photos.") % {"count": MAX_PHOTOS})
    with transaction.atomic():
        topic = ConsultationTopic.objects.create(
            community=community,
            author=author,
            entered_by=entered_by,
            source_diary_entry=source_diary_entry,
            title=title.strip(),
            description=description.strip(),
            category=category,
        )
        attach_photos(item=topic, images=images, uploaded_by=entered_by or author)
        if submit:
            topic = perform_transition(obj=topic, transition="submit", actor=entered_by or author)
    return topic


def update_topic(
    *,
    topic: ConsultationTopic,
    actor: User,
    title: str,
    description: str,
    category: TopicCategory,
    images=(),
    submit: bool,
) -> ConsultationTopic:
    """The author edits a draft or returned topic (adding photos up to the limit), and may (re)submit it."""
    _refuse_unless(is_topic_author(actor, topic), _("Only the author can edit this topic."))
    _check_category(category=category, community=topic.community)
    with transaction.atomic():
        locked = ConsultationTopic.objects.select_for_update().get(pk=topic.pk)
        _refuse_unless(locked.state in EDITABLE_STATES, _("This topic can no longer be edited."))
        _refuse_unless(
            photos_for(item=locked).count() + len(images) <= MAX_PHOTOS,
            _("A topic can have at most %(count)s photos.") % {"count": MAX_PHOTOS},
        )
        locked.title = title.strip()
        locked.description = description.strip()
        locked.category = category
        locked.save(update_fields=["title", "description", "category", "updated_at"])
        attach_photos(item=locked, images=images, uploaded_by=actor)
        if submit:
            locked = perform_transition(obj=locked, transition="submit", actor=actor)
    return locked


def recategorize_topic(
    *, topic: ConsultationTopic, category: TopicCategory, actor: User
) -> ConsultationTopic:
    """The coordination group files a topic under another category (the only change staff make to it)."""
    _check_may_manage(actor=actor, community=topic.community)
    _check_category(category=category, community=topic.community)
    with transaction.atomic():
        ConsultationTopic.objects.filter(pk=topic.pk).update(category=category, updated_at=timezone.now())
        topic.category = category
    return topic


def author_transition(*, topic: ConsultationTopic, actor: User, transition: str) -> ConsultationTopic:
    """What the public site lets an author do (submit, withdraw); reviewers act in the admin."""
    spec = ConsultationTopic.transition_specs().get(transition)
    if spec is None or spec.actor != AUTHOR:
        raise UnknownTransition()
    return perform_transition(obj=topic, transition=transition, actor=actor)


# --- supports and follows -------------------------------------------------------------------------


def _participation_refusal(*, user, topic, action) -> str:
    if not is_logged_in(user):
        return _("Please log in first.")
    if not lives_in_community(user, topic):
        return _("Only residents of %(community)s can %(action)s this topic.") % {
            "community": topic.community.name,
            "action": action,
        }
    if not is_verified(user):
        return _(
            "Only verified residents can %(action)s. Your community's coordination group verifies residents, "
            "e.g. when you visit the community office."
        ) % {"action": action}
    return ""


def support_refusal(*, user, topic: ConsultationTopic) -> str:
    """Why `user` cannot support `topic` now, in Chinese; empty if they can (pages say it up front)."""
    if not topic_is_supportable(user, topic):
        return str(_("This topic cannot be supported any more."))
    if is_topic_author(user, topic):
        return str(_("You proposed this topic yourself."))
    return str(_participation_refusal(user=user, topic=topic, action=_("support")))


def comment_refusal(*, user, topic: ConsultationTopic) -> str:
    if not topic_is_public(user, topic):
        return str(_("This topic is not open for discussion."))
    return str(_participation_refusal(user=user, topic=topic, action=_("comment on")))


def support_topic(*, topic: ConsultationTopic, resident: User) -> TopicSupport:
    """附议, once per resident: the unique constraint settles double clicks and races."""
    refusal = support_refusal(user=resident, topic=topic)
    _refuse_unless(not refusal, refusal)
    try:
        with transaction.atomic():
            return TopicSupport.objects.create(topic=topic, resident=resident)
    except IntegrityError:
        raise TopicActionRefused(_("You have already supported this topic.")) from None


@transaction.atomic
def follow_topic(*, topic: ConsultationTopic, user: User) -> TopicFollow:
    _refuse_unless(is_logged_in(user), _("Please log in first."))
    _refuse_unless(topic_is_public(user, topic), _("This topic cannot be followed."))
    follow, _created = TopicFollow.objects.get_or_create(topic=topic, user=user)
    return follow


@transaction.atomic
def unfollow_topic(*, topic: ConsultationTopic, user: User) -> None:
    TopicFollow.objects.filter(topic=topic, user=user).delete()


# --- discussion -----------------------------------------------------------------------------------


def add_comment(
    *, topic: ConsultationTopic, author: User, body: str, parent: TopicComment | None = None
) -> TopicComment:
    """A comment, or a reply to a top-level comment; the topic's author and followers are told."""
    refusal = comment_refusal(user=author, topic=topic)
    _refuse_unless(not refusal, refusal)
    body = (body or "").strip()
    _refuse_unless(bool(body), _("Please write a comment."))
    if parent is not None:
        _refuse_unless(
            parent.topic_id == topic.pk and not parent.is_hidden,
            _("The comment you replied to is not available."),
        )
        # One level of replies: a reply to a reply joins its thread.
        if parent.parent_id is not None:
            parent = parent.parent
    with transaction.atomic():
        comment = TopicComment.objects.create(topic=topic, author=author, parent=parent, body=body)
        recipients = {topic.author_id, parent.author_id if parent else None}
        recipients.update(topic.follows.values_list("user_id", flat=True))
        recipients.discard(None)
        recipients.discard(author.pk)
        notify.comment_posted(
            comment=comment, recipients=User.objects.filter(pk__in=recipients, is_active=True).order_by("pk")
        )
    return comment


# --- moderation -----------------------------------------------------------------------------------


def report_item(
    *, reporter: User, reason: str, details: str = "", topic=None, comment=None, now=None
) -> TopicReport:
    """Report a topic or a comment. The item's open case collects the reports; at AUTO_HIDE_REPORTS different
    reporters the item is hidden until a coordinator decides."""
    _refuse_unless(is_logged_in(reporter), _("Please log in first."))
    _refuse_unless((topic is None) != (comment is None), _("Nothing to report."))
    item = topic if topic is not None else comment
    the_topic = topic if topic is not None else comment.topic
    _refuse_unless(
        topic_is_public(reporter, the_topic) and not item.is_hidden, _("This item is not available.")
    )
    _refuse_unless(item.author_id != reporter.pk, _("You cannot report what you wrote yourself."))
    with transaction.atomic():
        # The item's row lock orders reports of the same item: one open case, one automatic hiding.
        item = type(item)._default_manager.select_for_update().get(pk=item.pk)
        target = {"topic": item} if topic is not None else {"comment": item}
        case = ModerationCase.objects.filter(state__in=OPEN_CASE_STATES, **target).first()
        if case is None:
            case = ModerationCase.objects.create(
                community_id=the_topic.community_id, author=reporter, **target
            )
        _refuse_unless(
            not case.reports.filter(reporter=reporter).exists(), _("You have already reported this.")
        )
        report = TopicReport.objects.create(
            case=case, reporter=reporter, reason=reason, details=details.strip()
        )
        if case.state == ReviewState.DRAFT:
            case = perform_transition(obj=case, transition="submit", actor=reporter)
        reporters = case.reports.values("reporter").distinct().count()
        if reporters >= AUTO_HIDE_REPORTS and not item.is_hidden:
            _auto_hide(case=case, item=item, now=now or timezone.now())
    return report


def _auto_hide(*, case: ModerationCase, item, now) -> None:
    item.is_hidden = True
    item.hidden_reason = str(
        _("Reported by several residents; hidden until the coordination group reviews it.")
    )
    item.save(update_fields=["is_hidden", "hidden_reason"])
    ModerationCase.objects.filter(pk=case.pk).update(auto_hidden_at=now)
    case.auto_hidden_at = now
    wagtail_log(instance=case, action=AUTO_HIDE_ACTION, user=None, data={"reports": AUTO_HIDE_REPORTS})
    notify.item_auto_hidden(case=case)


# --- meetings -------------------------------------------------------------------------------------


def _check_may_manage(*, actor, community) -> None:
    _refuse_unless(
        actor.has_perm("topics.manage_meetings", community),
        _("Only the coordination group of this community can do this."),
    )


def set_agenda(*, meeting: DeliberationMeeting, topics, actor: User) -> DeliberationMeeting:
    """Save `meeting` with `topics` as its agenda, in that order: topics put on it are scheduled, topics
    taken off it (and on no other agenda) go back to approved. Decided topics stay where they are."""
    _check_may_manage(actor=actor, community=meeting.community)
    topics = list(topics)
    with transaction.atomic():
        if meeting.pk is None:
            meeting.created_by = actor
        meeting.save()
        current = {item.topic_id: item for item in meeting.agenda_items.select_related("topic")}
        wanted = [topic.pk for topic in topics]
        for topic_id, item in current.items():
            if topic_id in wanted:
                continue
            _refuse_unless(
                item.topic.state in (ReviewState.APPROVED, TopicState.SCHEDULED),
                _("“%(title)s” has been decided and stays on the agenda.") % {"title": item.topic.title},
            )
            item.delete()
            if item.topic.state == TopicState.SCHEDULED and not item.topic.agenda_items.exists():
                perform_transition(obj=item.topic, transition="unschedule", actor=actor)
        for position, topic in enumerate(topics):
            if topic.pk in current:
                AgendaItem.objects.filter(pk=current[topic.pk].pk).update(position=position)
                continue
            _refuse_unless(
                topic.community_id == meeting.community_id
                and topic.state in (ReviewState.APPROVED, TopicState.SCHEDULED)
                and not topic.is_hidden,
                _("Only approved topics of this community can go on the agenda."),
            )
            AgendaItem.objects.create(meeting=meeting, topic=topic, position=position)
            if topic.state == ReviewState.APPROVED:
                perform_transition(obj=topic, transition="schedule", actor=actor)
                topic.refresh_from_db(fields=["state"])
    return meeting


def decide_topic(
    *, meeting: DeliberationMeeting, topic: ConsultationTopic, resolution: str, actor: User
) -> ConsultationTopic:
    """The meeting's decision on one topic of its agenda: records the resolution, the topic is decided."""
    _check_may_manage(actor=actor, community=meeting.community)
    _refuse_unless(
        meeting.agenda_items.filter(topic=topic).exists(), _("This topic is not on the meeting's agenda.")
    )
    with transaction.atomic():
        topic = perform_transition(obj=topic, transition="decide", actor=actor, comment=resolution)
        ConsultationTopic.objects.filter(pk=topic.pk).update(decided_in=meeting)
        topic.decided_in = meeting
    return topic
