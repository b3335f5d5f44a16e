from .communities import Community, CommunityGroup, CommunityKind
from .points import BehaviourItem, BehaviourPolarity
from .users import User

__all__ = [
    "BehaviourItem",
    "BehaviourPolarity",
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "User",
]
