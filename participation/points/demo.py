"""积分's demo data for `manage.py seed_demo`: each community's 积分清单 (附录C/D with points) and its 积分超市."""

from participation.points import services
from participation.points import standard_lists as std
from participation.points.models import BehaviourPolarity, Reward

ORDER = 10

# Points per category of 附录C; 附录D deducts. The standard leaves the figures to each community.
POSITIVE_POINTS = {"履职自治": 5, "社团活动": 3, "志愿服务": 5, "其他": 2}
NEGATIVE_POINTS = {1: -20}
DEFAULT_NEGATIVE_POINTS = -5

# 积分超市: services and goods residents can redeem (the standard: 以积分兑换服务).
REWARDS = (
    ("理发服务一次", "service", 20, 30, "社区志愿理发队上门或在睦邻会客厅理发一次。"),
    ("家电小修一次", "service", 30, 20, "人人工匠屋志愿者上门检修小家电一次。"),
    ("环保购物袋", "goods", 10, 100, "可重复使用的帆布购物袋一个。"),
)


def seed(context) -> None:
    for community in context.communities:
        _behaviour_items(community, context)
        _rewards(community, context)


def _behaviour_items(community, context) -> None:
    if community.behaviour_items.exists():
        return
    for row in std.POSITIVE_BEHAVIOURS:
        services.upsert_behaviour_item(
            community=community,
            polarity=BehaviourPolarity.POSITIVE,
            number=row["number"],
            category=row["category"],
            text=row["text"],
            points=POSITIVE_POINTS.get(row["category"], 2),
        )
    for row in std.NEGATIVE_BEHAVIOURS:
        services.upsert_behaviour_item(
            community=community,
            polarity=BehaviourPolarity.NEGATIVE,
            number=row["number"],
            category="",
            text=row["text"],
            points=NEGATIVE_POINTS.get(row["number"], DEFAULT_NEGATIVE_POINTS),
        )
    context.created(f"behaviour items of {community.name}")


def _rewards(community, context) -> None:
    if Reward.objects.filter(community=community).exists():
        return
    for name, kind, price, stock, description in REWARDS:
        Reward.objects.create(
            community=community, name=name, kind=kind, price=price, stock=stock, description=description
        )
    context.created(f"rewards of {community.name}")
