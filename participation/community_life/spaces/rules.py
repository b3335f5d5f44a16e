"""Who may book a shared space (named predicates). Reviewing bookings is the workflow's business
(SpaceBooking.reviewer_groups: operations and coordination, in their own communities)."""

import rules

from participation.community_life.clubs.rules import in_object_community
from participation.rules import is_admin, is_coordination, is_operations, same_community


@rules.predicate
def space_is_active(user, space) -> bool:
    return space is not None and space.is_active


@rules.predicate
def is_booker(user, booking) -> bool:
    return booking is not None and booking.user_is_author(user)


can_book_space = rules.is_authenticated & rules.is_active & space_is_active & in_object_community

rules.add_perm("community_life.book_space", can_book_space)
rules.add_perm(
    "community_life.review_space_booking", is_admin | ((is_operations | is_coordination) & same_community)
)
