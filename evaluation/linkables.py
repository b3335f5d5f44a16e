"""Which kinds of records evidence can link to, and how to list a community's records of each kind.

Pages (activities, news …) are linkable from the start; the participation flows register their models
(meetings, topics, help requests …) with `register_linkable` in their own code or in evaluation's
wagtail_hooks, and the evidence form offers them without further change."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Linkable:
    model: type[Model]
    label: object
    #: The records of one community an author may link to, newest first.
    records_for: Callable[..., QuerySet]


_linkables: dict[str, Linkable] = {}


def register_linkable(model: type[Model], *, label, records_for: Callable[..., QuerySet]) -> None:
    _linkables[model._meta.label_lower] = Linkable(model=model, label=label, records_for=records_for)


def unregister_linkable(model: type[Model]) -> None:
    _linkables.pop(model._meta.label_lower, None)


def linkables() -> dict[str, Linkable]:
    return dict(sorted(_linkables.items()))


def _community_pages(*, community):
    from wagtail.models import Page

    home = getattr(community, "home_page", None) if community is not None else None
    if home is None:
        return Page.objects.none()
    return Page.objects.descendant_of(home).order_by("-first_published_at", "-pk")


def register_defaults() -> None:
    from wagtail.models import Page

    register_linkable(Page, label=_("Pages (activities, news …)"), records_for=_community_pages)
