"""Who may do what in the 人人议事厅, as named predicates (the transitions' own rules are on the models).

Services check these and say why in Chinese when they refuse; views and templates ask the same rules."""

import rules

from participation.models.base import _community_ids
from participation.rules import is_admin, is_coordination, is_staff_member, same_community
from participation.topics.models.topics import PUBLIC_STATES, SUPPORTABLE_STATES


def _community_id(obj):
    return getattr(obj, "community_id", None) if obj is not None else None


@rules.predicate
def is_logged_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_verified(user) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "is_verified", False))


@rules.predicate
def is_topic_author(user, topic) -> bool:
    return topic is not None and user.is_authenticated and topic.author_id == user.pk


@rules.predicate
def topic_is_public(user, topic) -> bool:
    return topic is not None and topic.state in PUBLIC_STATES and not topic.is_hidden


@rules.predicate
def topic_is_supportable(user, topic) -> bool:
    return topic is not None and topic.state in SUPPORTABLE_STATES and not topic.is_hidden


@rules.predicate
def lives_in_community(user, obj) -> bool:
    """The user belongs to the community of obj (a topic or a meeting), or obj is that community."""
    if not user.is_authenticated or obj is None:
        return False
    community_id = _community_id(obj) or getattr(obj, "pk", None)
    return community_id in _community_ids(user)  # cached on the user: pages ask several rules


# Staff of the item's community (any work group) see its topics in every state, as does the author.
is_community_staff = is_admin | (is_staff_member & same_community)

rules.add_perm("topics.view_topic", topic_is_public | is_topic_author | is_community_staff)
# A resident proposes topics in their own community (obj: the Community).
rules.add_perm("topics.propose_topic", is_logged_in & lives_in_community)
rules.add_perm(
    "topics.support_topic",
    is_logged_in & is_verified & lives_in_community & topic_is_supportable & ~is_topic_author,
)
rules.add_perm("topics.comment_topic", is_logged_in & is_verified & lives_in_community & topic_is_public)
rules.add_perm("topics.follow_topic", is_logged_in & topic_is_public)
rules.add_perm("topics.report_topic", is_logged_in & topic_is_public & ~is_topic_author)
# Meetings, categories, topics entered for residents: the community's coordination group (obj: anything
# with a community, or the Community).
rules.add_perm("topics.manage_meetings", is_admin | (is_coordination & lives_in_community))
