from .logs import TransitionLog
from .messages import Delivery, Message, NotificationPreference
from .reviewable import AUTHOR, REVIEWER, Reviewable, ReviewState, TransitionSpec

__all__ = [
    "AUTHOR",
    "REVIEWER",
    "Delivery",
    "Message",
    "NotificationPreference",
    "ReviewState",
    "Reviewable",
    "TransitionLog",
    "TransitionSpec",
]
