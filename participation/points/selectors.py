"""Read queries of points: the ledger, claims, rewards, the 善行榜 and reputation."""

from datetime import datetime

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.mobile import mask_name
from participation.models import Community, User
from participation.points.models import BehaviourItem, BehaviourPolarity, PointsClaim, Redemption, Reward
from participation.points.models.ledger import EARNED, EARNING_KINDS, PointsEntry
from participation.points.reputation import Level, level_for
from participation.points.services import current_balance
from workflows.models import ReviewState


def now() -> datetime:
    """The current time; tests patch this to fix the month of the 善行榜."""
    return timezone.now()


def balance(*, resident) -> int:
    return current_balance(resident=resident)


def entries_for(*, resident) -> QuerySet[PointsEntry]:
    return PointsEntry.objects.filter(resident=resident).select_related("community").order_by("-pk")


def ledger_total(*, resident) -> int:
    """The sum of the resident's entries: always equal to balance() (the ledger's invariant)."""
    return PointsEntry.objects.filter(resident=resident).aggregate(total=Sum("delta"))["total"] or 0


# --- reputation (人人声望) ----------------------------------------------------------------------------------

# The same condition as the ledger's partial index, so that PostgreSQL may use it.
_EARNED = EARNED


def earned_points(*, resident) -> int:
    return PointsEntry.objects.filter(_EARNED, resident=resident).aggregate(total=Sum("delta"))["total"] or 0


def reputation(*, resident) -> Level:
    return level_for(earned_points(resident=resident))


# --- a resident's own points ------------------------------------------------------------------------------


def home_community(*, resident) -> Community | None:
    """The community a resident claims and redeems in (residents belong to one)."""
    return resident.communities.order_by("name").first()


def claimable_behaviours(*, resident) -> QuerySet[BehaviourItem]:
    return BehaviourItem.objects.filter(
        community__in=resident.communities.all(), polarity=BehaviourPolarity.POSITIVE, is_active=True
    ).order_by("community", "number")


def claims_for(*, resident) -> QuerySet[PointsClaim]:
    return (
        PointsClaim.objects.filter(author=resident).select_related("behaviour").order_by("-created_at", "-pk")
    )


def redemptions_for(*, resident) -> QuerySet[Redemption]:
    return (
        Redemption.objects.filter(resident=resident).select_related("reward").order_by("-created_at", "-pk")
    )


def my_points_summary(*, resident, limit: int = 5) -> dict:
    """What the 我的积分 section of 我的 shows."""
    return {
        "balance": balance(resident=resident),
        "level": reputation(resident=resident),
        "entries": list(entries_for(resident=resident)[:limit]),
        "claims": list(claims_for(resident=resident)[:limit]),
        "redemptions": list(redemptions_for(resident=resident)[:limit]),
        "community": home_community(resident=resident),
    }


# --- 积分超市 ---------------------------------------------------------------------------------------------


def rewards_on_offer(*, community: Community) -> QuerySet[Reward]:
    return (
        Reward.objects.filter(community=community, is_active=True)
        .select_related("image")
        .order_by("price", "name")
    )


# --- 善行榜 -----------------------------------------------------------------------------------------------


def public_name(user) -> str:
    """A resident's name as public pages show it: masked (张*明), never a phone number."""
    name = mask_name(getattr(user, "display_name", "") if user is not None else "")
    return name or _("A resident")


def month_bounds(moment: datetime | None = None) -> tuple[datetime, datetime]:
    """The local calendar month around `moment` (default now()), as [start, end)."""
    local = timezone.localtime(moment or now())
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    return start, end


def good_deeds(*, community: Community) -> QuerySet[PointsClaim]:
    """Approved claims of the community, newest approval first (paginate it)."""
    return (
        PointsClaim.objects.filter(community=community, state=ReviewState.APPROVED)
        .select_related("author", "behaviour")
        .order_by("-approved_at", "-pk")
    )


def top_contributors(*, community: Community, moment: datetime | None = None, limit: int = 10) -> list[dict]:
    """The month's residents with the most points earned in the community: masked name, points, level.

    The month's earned entries are summed per resident from the ledger alone (an index-only scan of
    points_earned_month_idx on PostgreSQL); names and levels are then read for the few residents shown, rather
    than joined to every entry of the month."""
    start, end = month_bounds(moment)
    rows = list(
        PointsEntry.objects.filter(_EARNED, community=community, created_at__gte=start, created_at__lt=end)
        .values("resident_id")
        .annotate(total=Sum("delta"))
        .order_by("-total", "resident_id")[:limit]
    )
    residents = _names_and_earnings(resident_ids=[row["resident_id"] for row in rows]) if rows else {}
    return [
        {
            "rank": position,
            "name": mask_name(residents[row["resident_id"]][0]) or _("A resident"),
            "points": row["total"],
            "level": level_for(residents[row["resident_id"]][1]),
        }
        for position, row in enumerate(rows, start=1)
    ]


def _names_and_earnings(*, resident_ids) -> dict[int, tuple[str, int]]:
    """{resident id: (display name, points earned in all)} in one query."""
    earned = Sum(
        "points_entries__delta", filter=Q(points_entries__kind__in=EARNING_KINDS, points_entries__delta__gt=0)
    )
    rows = (
        User.objects.filter(pk__in=resident_ids)
        .annotate(earned=earned)
        .values_list("pk", "display_name", "earned")
    )
    return {pk: (name, total or 0) for pk, name, total in rows}


def board_summary(*, community: Community, limit: int = 3) -> dict:
    """The small 本月善行榜 section of the community home page."""
    start, _end = month_bounds()
    return {
        "month": start,
        "top": top_contributors(community=community, limit=limit),
        "deeds": list(good_deeds(community=community)[:limit]),
    }


def behaviour_items(*, community: Community, polarity: str) -> QuerySet[BehaviourItem]:
    return BehaviourItem.objects.filter(community=community, polarity=polarity, is_active=True).order_by(
        "number"
    )


def positive_behaviours(*, community: Community) -> QuerySet[BehaviourItem]:
    return behaviour_items(community=community, polarity=BehaviourPolarity.POSITIVE)


def negative_behaviours(*, community: Community) -> QuerySet[BehaviourItem]:
    return behaviour_items(community=community, polarity=BehaviourPolarity.NEGATIVE)
