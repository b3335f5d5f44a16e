from .clubs import Club, ClubCategory, ClubMembership
from .service_points import ServiceCategory, ServicePoint, WalkingTime
from .spaces import BookingState, OpeningHours, SharedSpace, SpaceBooking, SpaceKind, Weekday

__all__ = [
    "BookingState",
    "Club",
    "ClubCategory",
    "ClubMembership",
    "OpeningHours",
    "ServiceCategory",
    "ServicePoint",
    "SharedSpace",
    "SpaceBooking",
    "SpaceKind",
    "WalkingTime",
    "Weekday",
]
