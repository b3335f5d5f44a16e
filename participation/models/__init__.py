from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
from .help_requests import HelpCategory, HelpRequest, HelpState, ResponseTemplate
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
    "HelpCategory",
    "HelpRequest",
    "HelpState",
    "PointsEntry",
    "ResponseTemplate",
    "Photo",
    "User",
]
