"""人人声望 (表1 task 10): a resident's reputation level, derived from the ledger.

The level follows the points a resident has *earned* (approved claims, activities, volunteering, help,
awards), never the balance: spending points in the 积分超市 must not lower anyone's standing. Refunds and
corrections are bookkeeping, not earnings, so they are left out too. The thresholds live here only."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from participation.points.models.ledger import EARNING_KINDS  # noqa: F401 (re-exported)

# (points earned at least, name), ascending.
LEVELS: tuple[tuple[int, str | Promise], ...] = (
    (0, _("New neighbour")),
    (20, _("Warm-hearted neighbour")),
    (100, _("Community star")),
    (300, _("Pillar of the community")),
    (800, _("Renren model")),
)


@dataclass(frozen=True)
class Level:
    rank: int  # 1 … len(LEVELS)
    name: str | Promise
    earned: int
    next_threshold: int | None  # None at the top level

    @property
    def to_next(self) -> int | None:
        return None if self.next_threshold is None else self.next_threshold - self.earned


def level_for(earned: int) -> Level:
    """The level of a resident who has earned `earned` points in all."""
    earned = max(int(earned or 0), 0)
    index = 0
    for position, (threshold, _name) in enumerate(LEVELS):
        if earned >= threshold:
            index = position
    next_threshold = LEVELS[index + 1][0] if index + 1 < len(LEVELS) else None
    return Level(rank=index + 1, name=LEVELS[index][1], earned=earned, next_threshold=next_threshold)
