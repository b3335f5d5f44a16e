from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
from .ledger import EntryKind, PointsEntry
from .photos import Photo
from .points import BehaviourItem, BehaviourPolarity
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
    "CaseState",
    "ConsultationTopic",
    "DeliberationMeeting",
    "MeetingStatus",
    "ModerationCase",
    "ReportReason",
    "TopicCategory",
    "TopicComment",
    "TopicFollow",
    "TopicReport",
    "TopicState",
    "TopicSupport",
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
