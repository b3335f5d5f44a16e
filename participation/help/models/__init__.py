from .categories import HelpCategory, ResponseTemplate
from .requests import HandlerKind, HelpRequest, HelpState, IntakeChannel

__all__ = [
    "HandlerKind",
    "HelpCategory",
    "HelpRequest",
    "HelpState",
    "IntakeChannel",
    "ResponseTemplate",
]
