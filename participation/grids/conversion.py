"""Turning a 民情日记 concern into a 解忧铺 request or a 议事厅 topic in one step (表1 task 5).

The new item links back to the entry (`source_diary_entry`, staff-only); it carries only the title and text
the converter chose on the confirmation form, never the entry itself. One request and one topic per entry:
the entry's row is locked while converting, and a unique constraint catches a double submit the lock
cannot (SQLite has no row locks)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from participation.grids.models import DiaryEntry
from participation.help import services as help_services
from participation.help.models import HelpCategory, HelpRequest
from participation.help.models.requests import IntakeChannel
from participation.models import User
from participation.topics import services as topic_services
from participation.topics.models import ConsultationTopic, TopicCategory
from workflows.exceptions import WorkflowError


class AlreadyConverted(Exception):
    """The entry was already turned into an item of this kind: `existing` is that item."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(str(existing))


def may_convert(*, user, entry: DiaryEntry) -> bool:
    return user.has_perm("grids.convert_diary_entry", entry)


def _resident_of(entry: DiaryEntry, resident: User | None) -> User | None:
    if resident is not None and (resident.household_id != entry.household_id or not resident.is_active):
        raise ValidationError(_("This resident is not a member of the household."), code="resident")
    return resident


def _locked(*, entry: DiaryEntry, actor) -> DiaryEntry:
    if not may_convert(user=actor, entry=entry):
        raise PermissionDenied
    return (
        DiaryEntry.objects.select_for_update(of=("self",))
        .select_related("household__grid", "community")
        .get(pk=entry.pk)
    )


@transaction.atomic
def convert_to_help_request(
    *,
    entry: DiaryEntry,
    actor: User,
    category: HelpCategory,
    summary: str,
    description: str,
    resident: User | None = None,
    name: str = "",
    phone: str = "",
    is_public: bool = False,
    is_sensitive: bool = False,
) -> tuple[HelpRequest, str | None]:
    """A request entered by `actor` for the household's resident (their account), or for the head of
    household without one (name and mobile; a tracking token is returned, to hand over once). It goes to the
    household's grid. Raises AlreadyConverted, ValidationError (Chinese) or PermissionDenied; saves nothing then."""
    locked = _locked(entry=entry, actor=actor)
    existing = HelpRequest.objects.filter(source_diary_entry=locked).first()
    if existing is not None:
        raise AlreadyConverted(existing)
    resident = _resident_of(locked, resident)
    household = locked.household
    try:
        with transaction.atomic():
            return help_services.submit_request(
                community=locked.community,
                category=category,
                summary=summary,
                description=description,
                requester=resident,
                name=name,
                phone=phone,
                is_public=is_public,
                is_sensitive=is_sensitive,
                entered_by=actor,
                channel=IntakeChannel.IN_PERSON,
                grid=household.grid,
                source_diary_entry=locked,
            )
    except WorkflowError as error:
        raise ValidationError(str(error), code="refused") from None
    except IntegrityError:
        existing = HelpRequest.objects.filter(source_diary_entry=locked).first()
        if existing is None:
            raise
        raise AlreadyConverted(existing) from None


@transaction.atomic
def convert_to_topic(
    *,
    entry: DiaryEntry,
    actor: User,
    category: TopicCategory,
    title: str,
    description: str,
    resident: User | None = None,
) -> ConsultationTopic:
    """A topic submitted for review at once: for the household's resident (their topic, entered by `actor`),
    or, without one, raised by `actor` themselves. Raises AlreadyConverted, ValidationError (Chinese) or
    PermissionDenied; saves nothing then."""
    locked = _locked(entry=entry, actor=actor)
    existing = ConsultationTopic.objects.filter(source_diary_entry=locked).first()
    if existing is not None:
        raise AlreadyConverted(existing)
    resident = _resident_of(locked, resident)
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise ValidationError(_("Please give the topic a title."), code="title")
    author, entered_by = (resident, actor) if resident is not None else (actor, None)
    try:
        with transaction.atomic():
            return topic_services.create_topic(
                author=author,
                community=locked.community,
                title=title,
                description=description,
                category=category,
                submit=True,
                entered_by=entered_by,
                source_diary_entry=locked,
            )
    except (topic_services.TopicActionRefused, WorkflowError) as refusal:
        raise ValidationError(str(refusal), code="refused") from None
    except IntegrityError:
        existing = ConsultationTopic.objects.filter(source_diary_entry=locked).first()
        if existing is None:
            raise
        raise AlreadyConverted(existing) from None
