"""Community life's demo data for `manage.py seed_demo`: the 四厅 and the 人人广场 of each community."""

from datetime import time

from participation.community_life.models import SpaceKind
from participation.community_life.spaces import services

ORDER = 20

# 表1 task 3 and note 2: the 四厅 and 人人广场. Opening hours are placeholders for staff to correct.
DEMO_SPACES = (
    ("睦邻会客厅", SpaceKind.NEIGHBOURHOOD_LOUNGE, 30),
    ("便民服务厅", SpaceKind.SERVICE_HALL, 20),
    ("居民议事厅", SpaceKind.DELIBERATION_HALL, 40),
    ("文化展示厅", SpaceKind.CULTURE_HALL, 50),
    ("人人广场", SpaceKind.SQUARE, None),
)


def seed(context) -> None:
    for community in context.communities:
        _spaces(community, context)


def _spaces(community, context) -> None:
    if community.shared_spaces.exists():
        return
    weekdays = [(day, time(8, 30), time(11, 30)) for day in range(5)]
    weekdays += [(day, time(14, 0), time(21, 0)) for day in range(5)]
    weekend = [(day, time(9, 0), time(17, 0)) for day in (5, 6)]
    for name, kind, capacity in DEMO_SPACES:
        services.upsert_space(
            community=community, name=name, kind=kind, capacity=capacity, hours=tuple(weekdays + weekend)
        )
    context.created(f"shared spaces of {community.name}")
