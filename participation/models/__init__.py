from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
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
    "Photo",
    "User",
]
