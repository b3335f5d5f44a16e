"""Who may do what with points (积分申领, staff awards and deductions, 积分超市), as named predicates.

Claim review itself is PointsClaim.user_can_review (operations group of the claim's community, never one's
own claim): the workflow core's predicates ask the item."""

import rules

from participation.rules import is_admin, is_coordination, is_operations, is_resident, same_community


@rules.predicate
def is_verified(user) -> bool:
    return user.is_authenticated and user.verified_at is not None


@rules.predicate
def in_community(user, community) -> bool:
    """True when the user belongs to `community` (a Community, not an item carrying one)."""
    if community is None or not user.is_authenticated:
        return False
    ids = getattr(user, "_participation_community_ids", None)
    if ids is None:
        ids = set(user.communities.values_list("pk", flat=True))
        user._participation_community_ids = ids
    return community.pk in ids


@rules.predicate
def in_reward_community(user, reward) -> bool:
    return reward is not None and in_community.test(user, reward.community)


# A resident claims points once a coordinator has verified them (居民核实): points are worth something.
rules.add_perm("points.claim_points", is_resident & is_verified)
# 直接奖励 / 扣分: the operations and coordination groups of the community (object: the Community).
rules.add_perm("points.adjust_points", is_admin | ((is_operations | is_coordination) & in_community))
# 积分超市: the operations group keeps the rewards and hands them out (object: the Reward / Redemption).
rules.add_perm("points.manage_rewards", is_admin | (is_operations & same_community))
rules.add_perm("points.handle_redemption", is_admin | (is_operations & same_community))
rules.add_perm("points.redeem_reward", is_resident & is_verified & in_reward_community)
# The 积分清单 (standard 5.1.3.2): the operations group keeps it, in its own community.
rules.add_perm("points.manage_behaviour_items", is_admin | (is_operations & same_community))
