"""Turning a 民情日记 concern into an item of another flow in one step (表1 task 5): what every conversion shares,
and the registry of the flows that convert (the 解忧铺 and the 议事厅 register theirs: help/diary.py, topics/diary.py).

The new item links back to the entry (`source_diary_entry`, staff-only); it carries only the title and text
the converter chose on the confirmation form, never the entry itself. One request and one topic per entry:
the entry's row is locked while converting, and a unique constraint catches a double submit the lock
cannot (SQLite has no row locks)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from participation.grids.models import DiaryEntry
from participation.models import User
from workflows.exceptions import Forbidden, Invalid


class AlreadyConverted(Invalid):
    """The entry was already turned into an item of this kind: `existing` is that item."""

    def __init__(self, existing):
        super().__init__(
            _("This diary entry has already been turned into %(item)s.") % {"item": existing},
            code="already_converted",
        )
        self.existing = existing


def may_convert(*, user, entry: DiaryEntry) -> bool:
    return user.has_perm("grids.convert_diary_entry", entry)


def resident_of(entry: DiaryEntry, resident: User | None) -> User | None:
    if resident is not None and (resident.household_id != entry.household_id or not resident.is_active):
        raise Invalid(_("This resident is not a member of the household."), code="resident")
    return resident


def locked_entry(*, entry: DiaryEntry, actor) -> DiaryEntry:
    if not may_convert(user=actor, entry=entry):
        raise Forbidden
    return (
        DiaryEntry.objects.select_for_update(of=("self",))
        .select_related("household__grid", "community")
        .get(pk=entry.pk)
    )


@dataclass(frozen=True)
class DiaryConverter:
    """One kind of item a concern can become: what it is, its confirmation form, and how it is made."""

    #: In the URL: /admin/diary/<pk>/convert/<kind>/
    kind: str
    label: object
    #: The created model; it has `source_diary_entry` (related name `related_name` on the entry).
    model: type
    related_name: str
    form_class: type
    #: (entry, actor, cleaned form data) -> (item, tracking token or None); raises AlreadyConverted,
    #: ValidationError or PermissionDenied and saves nothing then.
    convert: Callable
    page_title: object
    button_label: object
    #: How the diary list names an item made of an entry, e.g. "解忧请求 #12" (a "%(object)s" format).
    item_format: object
    #: Shown above the confirmation form: what happens to the new item.
    explanation: object = ""


_converters: dict[str, DiaryConverter] = {}


def register_diary_converter(converter: DiaryConverter) -> None:
    _converters[converter.kind] = converter


def diary_converters() -> list[DiaryConverter]:
    return list(_converters.values())


def converter(kind: str) -> DiaryConverter | None:
    return _converters.get(kind)


def existing_item(*, entry: DiaryEntry, converter: DiaryConverter):
    return converter.model._default_manager.filter(source_diary_entry=entry).first()
