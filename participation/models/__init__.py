from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
from .users import User

__all__ = [
    "BehaviourItem",
    "BehaviourPolarity",
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "CommunityReviewable",
    "EntryKind",
    "PointsEntry",
    "Photo",
    "User",
]
