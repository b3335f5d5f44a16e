from .activities import ActivityRoster, ActivitySignup, SignupStatus
from .base import CommunityReviewable
from .claims import PointsClaim
from .clubs import Club, ClubCategory, ClubMembership
from .communities import Community, CommunityGroup, CommunityKind
from .grids import DiaryEntry, DiaryKind, Grid, Household
from .help_categories import HelpCategory, ResponseTemplate
from .help_requests import HelpRequest, HelpState
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
from .rewards import Redemption, RedemptionState, Reward, RewardKind
from .service_points import ServiceCategory, ServicePoint, WalkingTime
from .spaces import BookingState, OpeningHours, SharedSpace, SpaceBooking, SpaceKind, Weekday
from .topic_meetings import AgendaItem, DeliberationMeeting, MeetingStatus
from .topic_moderation import CaseState, ModerationCase, ReportReason, TopicReport
from .topics import (
    ConsultationTopic,
    TopicCategory,
    TopicComment,
    TopicFollow,
    TopicState,
    TopicSupport,
)
from .users import User
from .volunteers import Volunteer, VolunteerHours, VolunteerTeam

__all__ = [
    "ActivityRoster",
    "ActivitySignup",
    "AgendaItem",
    "BehaviourItem",
    "BehaviourPolarity",
    "BookingState",
    "CaseState",
    "Certificate",
    "Club",
    "ClubCategory",
    "ClubMembership",
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "CommunityReviewable",
    "ConsultationTopic",
    "DeliberationMeeting",
    "DiaryEntry",
    "DiaryKind",
    "EntryKind",
    "Facility",
    "FacilityType",
    "Grid",
    "HelpCategory",
    "HelpRequest",
    "HelpState",
    "Household",
    "MeetingStatus",
    "ModerationCase",
    "OpeningHours",
    "OrganisationStatus",
    "OrganisationType",
    "Photo",
    "PointsClaim",
    "PointsEntry",
    "Redemption",
    "RedemptionState",
    "ReportReason",
    "ResponseTemplate",
    "Reward",
    "RewardKind",
    "ServiceCategory",
    "ServicePoint",
    "SharedSpace",
    "SignupStatus",
    "SocialOrganisation",
    "SocialWorker",
    "SpaceBooking",
    "SpaceKind",
    "TopicCategory",
    "TopicComment",
    "TopicFollow",
    "TopicReport",
    "TopicState",
    "TopicSupport",
    "User",
    "Volunteer",
    "VolunteerHours",
    "VolunteerTeam",
    "WalkingTime",
    "Weekday",
]
