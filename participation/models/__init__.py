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

__all__ = [
    "AgendaItem",
    "BehaviourItem",
    "BehaviourPolarity",
    "BookingState",
    "CaseState",
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
    "Grid",
    "HelpCategory",
    "HelpRequest",
    "HelpState",
    "Household",
    "MeetingStatus",
    "ModerationCase",
    "OpeningHours",
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
    "SpaceBooking",
    "SpaceKind",
    "TopicCategory",
    "TopicComment",
    "TopicFollow",
    "TopicReport",
    "TopicState",
    "TopicSupport",
    "User",
    "WalkingTime",
    "Weekday",
]
