"""The work groups of standard 5.1.1 and the resident group, as Django group names (data, not UI text)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    PUBLICITY = "publicity", _("Publicity group")
    COORDINATION = "coordination", _("Coordination group")
    OPERATIONS = "operations", _("Operations group")
    EVALUATION = "evaluation", _("Evaluation group")


RESIDENT_GROUP = "居民"
# Grid workers (网格员, 表1 task 23) keep the 民情日记 of their grid; not one of the four work groups.
GRID_WORKER_GROUP = "网格员"
ROLE_GROUP_NAMES = {
    StaffRole.PUBLICITY: "新闻宣传组",
    StaffRole.COORDINATION: "综合协调组",
    StaffRole.OPERATIONS: "建设运行组",
    StaffRole.EVALUATION: "效果评价组",
}
# Roles whose members edit a community's pages. Wagtail grants page permissions per group and page,
# so each community gets its own group for each of these roles (see CommunityGroup).
PAGE_ROLES = (StaffRole.PUBLICITY, StaffRole.COORDINATION)


def community_group_name(community_name: str, role: str) -> str:
    return f"{community_name}·{ROLE_GROUP_NAMES[StaffRole(role)]}"
