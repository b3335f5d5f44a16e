"""Which reviewable models exist (for the 待我审核 dashboard panel) and which notification kinds users can
tune. Filled at import time by the flows' code, so every server process has the same registry."""

from django.utils.text import capfirst

_reviewables: dict[type, object] = {}
_notification_kinds: dict[str, object] = {}


def register_reviewable(model, *, viewset=None) -> None:
    """Show `model` in the review-queue panel; `viewset` (a ReviewableViewSetMixin) gives its admin URLs.

    ReviewableViewSetMixin registers its model itself when Wagtail registers the viewset."""
    _reviewables[model] = viewset


def unregister_reviewable(model) -> None:
    _reviewables.pop(model, None)


def registered_reviewables() -> list[type]:
    return sorted(_reviewables, key=lambda model: model._meta.label)


def viewset_for(model):
    return _reviewables.get(model)


def register_notification_kind(kind: str, label) -> None:
    """Let users choose how they get `kind` (registered reviewable models are included anyway)."""
    _notification_kinds[kind] = label


def unregister_notification_kind(kind: str) -> None:
    _notification_kinds.pop(kind, None)


def notification_kinds() -> dict[str, object]:
    kinds = {
        model.get_notification_kind(): capfirst(model._meta.verbose_name_plural) for model in _reviewables
    }
    kinds.update(_notification_kinds)
    return dict(sorted(kinds.items()))
