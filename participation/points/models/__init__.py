from .behaviour_items import BehaviourItem, BehaviourPolarity
from .claims import PointsClaim
from .ledger import AppendOnlyQuerySet, EntryKind, PointsEntry
from .rewards import Redemption, RedemptionState, Reward, RewardKind

__all__ = [
    "AppendOnlyQuerySet",
    "BehaviourItem",
    "BehaviourPolarity",
    "EntryKind",
    "PointsClaim",
    "PointsEntry",
    "Redemption",
    "RedemptionState",
    "Reward",
    "RewardKind",
]
