from .base import CommunityReviewable
from .claims import PointsClaim
from .communities import Community, CommunityGroup, CommunityKind
from .grids import DiaryEntry, DiaryKind, Grid, Household
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
from .rewards import Redemption, RedemptionState, Reward, RewardKind
from .users import User

__all__ = [
    "BehaviourItem",
    "BehaviourPolarity",
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "CommunityReviewable",
    "DiaryEntry",
    "DiaryKind",
    "EntryKind",
    "Grid",
    "Household",
    "PointsEntry",
    "Photo",
    "PointsClaim",
    "Redemption",
    "RedemptionState",
    "Reward",
    "RewardKind",
    "User",
]
