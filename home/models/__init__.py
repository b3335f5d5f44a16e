from .activities import ActivityIndexPage, ActivityPage
from .base import HomePage, PortalPage, StandardPage
from .lists import BehaviourListPage, ConventionPage, ResponsibilityListPage
from .moderation import CommunityApprovalTask
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .work_groups import MemberOrganisation, WorkGroupMember, WorkGroupsPage

__all__ = [
    "ActivityIndexPage",
    "ActivityPage",
    "BehaviourListPage",
    "CommunityApprovalTask",
    "ConventionPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PortalPage",
    "ResponsibilityListPage",
    "StandardPage",
    "MemberOrganisation",
    "WorkGroupMember",
    "WorkGroupsPage",
]
