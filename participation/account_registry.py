"""What each app adds to a resident's own pages: a section of 我的, and its part of 下载我的数据.

The core owns the page and the download but knows no flow: each app registers its section and its personal
data when it loads (its AppConfig.ready), as Decidim's components declare their data-portable entities."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AccountSection:
    key: str
    #: Lower first. The page opens with what residents check most (points, what waits for them).
    order: int
    #: Rendered with the page's context (`request.user` is the resident); it loads its own template tags.
    template: str


@dataclass(frozen=True)
class PersonalData:
    key: str
    #: A label for people reading the download (the JSON key is `key`).
    label: Any
    #: The user's own records of this kind as JSON-ready values (local times as ISO strings).
    collect: Callable


_sections: dict[str, AccountSection] = {}
_personal_data: dict[str, PersonalData] = {}


def register_account_section(*, key: str, order: int, template: str) -> None:
    _sections[key] = AccountSection(key=key, order=order, template=template)


def account_sections() -> list[AccountSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def register_personal_data(*, key: str, label, collect: Callable) -> None:
    """`collect(user=...)` returns what the download says of this kind: only ever `user`'s own records."""
    _personal_data[key] = PersonalData(key=key, label=label, collect=collect)


def personal_data_kinds() -> list[PersonalData]:
    return sorted(_personal_data.values(), key=lambda kind: kind.key)


def local_iso(moment) -> str | None:
    """A time as residents read it: Asia/Shanghai, ISO 8601 (dates pass through as dates)."""
    from django.utils import timezone

    if moment is None:
        return None
    if hasattr(moment, "tzinfo"):
        return timezone.localtime(moment).isoformat()
    return moment.isoformat()
