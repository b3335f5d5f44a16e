from .base import CommunityReviewable
from .clubs import Club, ClubCategory, ClubMembership
from .communities import Community, CommunityGroup, CommunityKind
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
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
    "EntryKind",
    "OpeningHours",
    "PointsEntry",
    "Photo",
    "ServiceCategory",
    "ServicePoint",
    "SharedSpace",
    "SpaceBooking",
    "SpaceKind",
    "User",
    "WalkingTime",
    "Weekday",
]
