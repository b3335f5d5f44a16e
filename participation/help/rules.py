"""Who may do what with help requests: the permission matrix as named predicates (docs/architecture.md, “Permissions and scoping”).

| transition | who |
| --- | --- |
| submit | the requester (account or visitor), or coordination / operations staff of the community entering it |
| accept, reject, mark_duplicate, assign | coordination group of the community, not on their own request |
| start, resolve | the assigned staff member or volunteer, or the operations group of the community |
| close (confirm + rate), reopen, withdraw | the requester: the author, or a visitor holding the tracking token |

Grid workers (网格员) see in the admin the requests of the grids they work and those assigned to them; staff
entering a request include the grid worker converting a 民情日记 concern.

A visitor is an anonymous user; services.visitor_for_token() hands back a `TrackingVisitor` bound to the one
request whose token was presented, and only that object satisfies `is_token_holder`."""

import rules
from django.contrib.auth.models import AnonymousUser

from participation.grids.rules import is_grid_worker
from participation.rules import is_admin, is_coordination, is_operations, same_community
from workflows.rules import is_author, transition_permission


class TrackingVisitor(AnonymousUser):
    """An anonymous visitor who presented the tracking token of request `help_request_pk`."""

    def __init__(self, help_request_pk: int):
        super().__init__()
        self.help_request_pk = help_request_pk


@rules.predicate
def is_token_holder(user, obj) -> bool:
    return obj is not None and isinstance(user, TrackingVisitor) and user.help_request_pk == obj.pk


@rules.predicate
def is_assigned_handler(user, obj) -> bool:
    if obj is None or not user.is_authenticated or not user.is_active:
        return False
    return user.pk in obj.handler_user_ids()


@rules.predicate
def is_routed_grid_worker(user, obj) -> bool:
    """The worker of the request's grid: requests are routed to them."""
    if obj is None or not obj.grid_id or not user.is_authenticated or not user.is_active:
        return False
    return obj.grid.worker_id == user.pk


@rules.predicate
def is_assigned_staff(user, obj) -> bool:
    return obj is not None and user.is_authenticated and user.is_active and obj.assigned_staff_id == user.pk


@rules.predicate
def is_staff_entering(user, obj) -> bool:
    # Only while the request is being created: `entered_by` is the staff member entering it.
    return obj is not None and user.is_authenticated and obj.entered_by_id == user.pk


@rules.predicate
def member_of(user, community) -> bool:
    """`community` (a Community) is one of the user's communities."""
    return (
        community is not None and user.is_authenticated and user.communities.filter(pk=community.pk).exists()
    )


is_requester = is_author | is_token_holder
is_community_handler = is_operations & same_community
may_enter_for_resident = is_admin | (
    (is_coordination | is_operations | is_grid_worker | is_routed_grid_worker) & same_community
)

# Handlers never handle their own request (four eyes, like reviewers).
may_handle = transition_permission((is_assigned_handler | is_admin | is_community_handler) & ~is_author)
may_submit = transition_permission(is_requester | (is_staff_entering & may_enter_for_resident))
requester_may = transition_permission(is_requester)

# The admin: staff of the community see its requests (and the requesters' contact details); a grid worker
# those routed or assigned to them (selectors.visible_to_staff is the same rule as a query).
may_view_requests = is_admin | (
    (is_coordination | is_operations | is_routed_grid_worker | is_assigned_staff) & same_community
)
# Entering a request for a resident, in a given community (the object is the Community).
rules.add_perm("help.enter_help_request", is_admin | ((is_coordination | is_operations) & member_of))
rules.add_perm("help.view_help_statistics", is_admin | is_coordination | is_operations)
