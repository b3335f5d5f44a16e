"""The kinds of data staff import and export. dataio knows none of the flows: each app registers its own
kinds when it loads (its AppConfig.ready), with the resource that reads and writes them."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    label: object
    resource: type
    import_perm: str
    export_perm: str
    #: Lower first in the admin's choice of kinds.
    order: int = 100
    #: (resource, table, dry_run) -> (new, updated, errors), instead of import-export's row-by-row import.
    bulk_import: Callable | None = None


_kinds: dict[str, Kind] = {}


def register_kind(kind: Kind) -> None:
    _kinds[kind.name] = kind


def kinds() -> dict[str, Kind]:
    """Every registered kind by name, in the admin's order."""
    return {kind.name: kind for kind in sorted(_kinds.values(), key=lambda kind: (kind.order, kind.name))}
