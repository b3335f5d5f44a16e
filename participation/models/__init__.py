from .activities import ActivityRoster, ActivitySignup, SignupStatus
from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
from .registries import (
    Certificate,
    Facility,
    FacilityType,
    OrganisationStatus,
    OrganisationType,
    SocialOrganisation,
    SocialWorker,
)
from .users import User
from .volunteers import Volunteer, VolunteerHours, VolunteerTeam

__all__ = [
    "ActivityRoster",
    "ActivitySignup",
    "Certificate",
    "Facility",
    "FacilityType",
    "OrganisationStatus",
    "OrganisationType",
    "SignupStatus",
    "SocialOrganisation",
    "SocialWorker",
    "Volunteer",
    "VolunteerHours",
    "VolunteerTeam",
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
