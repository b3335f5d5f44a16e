"""Who may do what in evaluation, as named predicates (docs/architecture.md, “Permissions and scoping”); views, the admin and tests use these.

Evidence review itself follows the workflow core: TaskEvidence.reviewer_groups (效果评价组), the same
community, and never one's own item (four eyes)."""

import rules

from participation.rules import is_admin, is_coordination, is_evaluation, is_operations


@rules.predicate
def member_of(user, community) -> bool:
    """True when `community` (a Community) is one of the user's communities; superusers belong everywhere."""
    if community is None:
        return True
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    ids = getattr(user, "_participation_community_ids", None)
    if ids is None:
        ids = set(user.communities.values_list("pk", flat=True))
        user._participation_community_ids = ids
    return community.pk in ids


@rules.predicate
def in_own_community(user, obj) -> bool:
    """For objects with a `community` (evidence, periods)."""
    return obj is None or member_of.test(user, obj.community)


@rules.predicate
def is_evidence_author(user, evidence) -> bool:
    return evidence is not None and evidence.user_is_author(user)


@rules.predicate
def evidence_is_editable(user, evidence) -> bool:
    return evidence is None or evidence.is_editable


may_draft_evidence = is_admin | is_operations | is_coordination
may_see_evaluation = is_admin | is_evaluation | is_coordination

# Drafting: operations and coordination staff of the community; the author alone edits, while it is open.
rules.add_perm("evaluation.draft_evidence", may_draft_evidence & in_own_community)
rules.add_perm("evaluation.edit_evidence", is_evidence_author & evidence_is_editable & in_own_community)
# The self-evaluation, its exports, the dashboard panel and the survey results: evaluation and coordination.
rules.add_perm("evaluation.view_evaluation", may_see_evaluation & member_of)
# Periods are the evaluation group's: define, close and compare.
rules.add_perm("evaluation.manage_periods", (is_admin | is_evaluation) & member_of)
