from .meetings import AgendaItem, DeliberationMeeting, MeetingStatus
from .moderation import CaseState, ModerationCase, ReportReason, TopicReport
from .topics import ConsultationTopic, TopicCategory, TopicComment, TopicFollow, TopicState, TopicSupport

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
]
