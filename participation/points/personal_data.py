"""积分's part of 下载我的数据: the user's claims, every ledger entry and redemptions."""

from participation.account_registry import local_iso
from participation.points.models import PointsClaim, PointsEntry, Redemption


def collect(*, user) -> dict:
    return {
        "claims": [
            {
                "behaviour": claim.behaviour.text,
                "description": claim.description,
                "points": claim.points,
                "state": str(claim.get_state_display()),
                "created_at": local_iso(claim.created_at),
            }
            for claim in PointsClaim.objects.filter(author=user).select_related("behaviour")
        ],
        "ledger": [
            {
                "community": entry.community.name,
                "kind": str(entry.get_kind_display()),
                "delta": entry.delta,
                "balance_after": entry.balance_after,
                "reason": entry.reason,
                "created_at": local_iso(entry.created_at),
            }
            for entry in PointsEntry.objects.filter(resident=user).select_related("community").order_by("pk")
        ],
        "redemptions": [
            {
                "reward": redemption.reward.name,
                "points": redemption.points,
                "state": str(redemption.get_state_display()),
                "created_at": local_iso(redemption.created_at),
            }
            for redemption in Redemption.objects.filter(resident=user).select_related("reward")
        ],
    }
