"""Who may do what with 人人社团 (named predicates; views, services and tests use the same ones).

Perm names avoid Django's model permission codenames (add/change/delete/view_club): those belong to the
admin and must not be granted to residents by an object rule evaluated without an object."""

import rules

from participation.rules import is_admin, is_operations, is_staff_member, same_community
from workflows.models import ReviewState


def _community_ids(user) -> set[int]:
    ids = getattr(user, "_community_life_ids", None)
    if ids is None:
        ids = set(user.communities.values_list("pk", flat=True)) if user.is_authenticated else set()
        user._community_life_ids = ids
    return ids


@rules.predicate
def lives_in_community(user, community) -> bool:
    """The user belongs to this community (obj is a Community)."""
    return community is not None and user.is_authenticated and community.pk in _community_ids(user)


@rules.predicate
def in_object_community(user, obj) -> bool:
    """The user belongs to the community of obj (anything with a community_id); no superuser shortcut."""
    return obj is not None and user.is_authenticated and obj.community_id in _community_ids(user)


@rules.predicate
def club_is_approved(user, club) -> bool:
    return club is not None and club.state == ReviewState.APPROVED


@rules.predicate
def club_is_editable(user, club) -> bool:
    return club is not None and club.state in (ReviewState.DRAFT, ReviewState.RETURNED)


@rules.predicate
def is_club_author(user, club) -> bool:
    return club is not None and club.user_is_author(user)


@rules.predicate
def is_club_leader(user, club) -> bool:
    return club is not None and user.is_authenticated and club.leader_id == user.pk


can_propose_club = rules.is_authenticated & rules.is_active & lives_in_community
can_see_club = club_is_approved | is_club_author | is_admin | (is_staff_member & same_community)
can_join_club = rules.is_authenticated & rules.is_active & club_is_approved & in_object_community

rules.add_perm("community_life.propose_club", can_propose_club)
rules.add_perm("community_life.see_club", can_see_club)
rules.add_perm("community_life.edit_club_proposal", is_club_author & club_is_editable)
rules.add_perm("community_life.join_club", can_join_club)
# Reviewing is the workflow's business (Club.reviewer_groups + CommunityReviewable's community scope);
# this named rule is the same decision for templates and tests.
rules.add_perm("community_life.review_club", is_admin | (is_operations & same_community))
