"""The base predicates every app builds its rules on (roles, same community), and the core's own permissions.

Each app keeps its permissions in its own rules.py, which the rules package loads (autodiscovery)."""

import rules

from participation.roles import RESIDENT_GROUP, ROLE_GROUP_NAMES, StaffRole


def in_group(name: str):
    return rules.is_group_member(name)


is_publicity = in_group(ROLE_GROUP_NAMES[StaffRole.PUBLICITY])
is_coordination = in_group(ROLE_GROUP_NAMES[StaffRole.COORDINATION])
is_operations = in_group(ROLE_GROUP_NAMES[StaffRole.OPERATIONS])
is_evaluation = in_group(ROLE_GROUP_NAMES[StaffRole.EVALUATION])
is_resident = in_group(RESIDENT_GROUP)


@rules.predicate
def same_community(user, obj) -> bool:
    """True when obj (anything with a `community_id`) belongs to one of the user's communities."""
    if obj is None:
        return True
    if user.is_superuser:
        return True
    community_id = getattr(obj, "community_id", None)
    if community_id is None:
        return False
    return user.is_authenticated and user.communities.filter(pk=community_id).exists()


is_admin = rules.is_superuser
is_staff_member = is_publicity | is_coordination | is_operations | is_evaluation

rules.add_perm("participation.manage_community", is_admin | (is_coordination & same_community))


@rules.predicate
def shares_community(user, other) -> bool:
    """True when `other` (a user: an M2M `communities`, not a `community_id`) belongs to one of the user's
    communities. same_community above is for objects that carry a community foreign key."""
    if other is None:
        return True
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return other.communities.filter(pk__in=user.communities.values("pk")).exists()


@rules.predicate
def is_resident_account(user, other) -> bool:
    """Verification is about residents: staff accounts are vouched for by whoever created them."""
    if other is None:
        return True
    return other.groups.filter(name=RESIDENT_GROUP).exists()


# 居民核实: the coordination group of the resident's own community checks the person is who they say.
rules.add_perm("participation.view_residents", is_admin | is_coordination)
rules.add_perm(
    "participation.verify_resident", is_resident_account & (is_admin | (is_coordination & shares_community))
)
