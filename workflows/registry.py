"""Which reviewable models exist (for the 待我审核 dashboard panel), which notification kinds users can tune,
and what each flow does when one of its items takes a transition. Filled when the apps load (import time or
AppConfig.ready), so every server process has the same registry."""

from django.utils.text import capfirst

_reviewables: dict[type, object] = {}
_notification_kinds: dict[str, object] = {}
_transition_handlers: dict[tuple[type, str], list] = {}


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


def on_transition(model, transition: str):
    """Register the decorated function as a side effect of `transition` on `model` (or a subclass).

    perform_transition calls it inside its transaction, after the item's new state is saved and logged, as
    `handler(obj=..., actor=..., comment=..., log=...)`: what it writes commits or fails with the transition.
    This is how a flow adds a transition's effects (a ledger entry, a notice) without its model importing the
    flow's services."""

    def register(handler):
        handlers = _transition_handlers.setdefault((model, transition), [])
        if handler not in handlers:
            handlers.append(handler)
        return handler

    return register


def transition_handlers(model, transition: str) -> list:
    """The handlers of `transition` registered for `model` and its base classes, most general first."""
    found = []
    for klass in reversed(model.__mro__):
        found.extend(_transition_handlers.get((klass, transition), ()))
    return found
