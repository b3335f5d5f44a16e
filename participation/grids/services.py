"""Writes of the grid and diary concept."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from participation.grids.models import DiaryEntry
from participation.models import Household
from participation.selectors import community_ids_for_user
from workflows.exceptions import Forbidden, Invalid


def ensure_household_in_scope(*, user, household: Household) -> None:
    """Staff write diary entries only for households of their own communities."""
    allowed = community_ids_for_user(user=user)
    if allowed is not None and household.community_id not in allowed:
        raise Invalid(
            {"household": _("This household belongs to another community.")}, code="other_community"
        )


@transaction.atomic
def record_diary_entry(
    *,
    author,
    household: Household,
    visited_on: date,
    concerns: str,
    kind: str = "visit",
    participants: str = "",
    follow_up: str = "",
    follow_up_due: date | None = None,
) -> DiaryEntry:
    if not author.is_authenticated or not author.is_staff:
        raise Forbidden
    ensure_household_in_scope(user=author, household=household)
    return DiaryEntry.objects.create(
        community_id=household.community_id,
        grid_id=household.grid_id,
        household=household,
        kind=kind,
        visited_on=visited_on,
        author=author,
        participants=participants,
        concerns=concerns,
        follow_up=follow_up,
        follow_up_due=follow_up_due,
    )
