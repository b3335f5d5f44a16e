from .base import CommunityReviewable
from .claims import PointsClaim
from .clubs import Club, ClubCategory, ClubMembership
from .communities import Community, CommunityGroup, CommunityKind
from .grids import DiaryEntry, DiaryKind, Grid, Household
from .help_requests import HelpCategory, HelpRequest, HelpState, ResponseTemplate
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
from .rewards import Redemption, RedemptionState, Reward, RewardKind
from .service_points import ServiceCategory, ServicePoint, WalkingTime
from .spaces import BookingState, OpeningHours, SharedSpace, SpaceBooking, SpaceKind, Weekday
from .users import User

__all__ = [
    "BehaviourItem",
    "BehaviourPolarity",
    "BookingState",
    "Club",
    "ClubCategory",
    "ClubMembership",
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "CommunityReviewable",
    "DiaryEntry",
    "DiaryKind",
    "EntryKind",
    "Grid",
    "HelpCategory",
    "HelpRequest",
    "HelpState",
    "Household",
    "OpeningHours",
    "Photo",
    "PointsClaim",
    "PointsEntry",
    "Redemption",
    "RedemptionState",
    "ResponseTemplate",
    "Reward",
    "RewardKind",
    "ServiceCategory",
    "ServicePoint",
    "SharedSpace",
    "SpaceBooking",
    "SpaceKind",
    "User",
    "WalkingTime",
    "Weekday",
]
