"""Fixtures of the points tests: operations staff, verified residents, 积分清单 items, rewards."""

import pytest

from participation import services
from participation.points.models import BehaviourItem, BehaviourPolarity, EntryKind, Reward
from participation.points.services import record_entry
from participation.roles import StaffRole


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_a2(make_staff, community_a):
    return make_staff("13800000104", StaffRole.OPERATIONS, community_a[0], "运行丙")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")


@pytest.fixture
def verified_a(resident_a, coordinator_a):
    return services.verify_resident(resident=resident_a, staff=coordinator_a)


@pytest.fixture
def make_resident(community_a, coordinator_a):
    def make(mobile, name, community=None, verified=True):
        resident = services.create_resident(
            mobile=mobile, password=None, display_name=name, community=community or community_a[0]
        )
        if verified:
            resident.verified_at = coordinator_a.date_joined
            resident.save(update_fields=["verified_at"])
        return resident

    return make


def _item(community, polarity, number, text, points, **extra):
    return BehaviourItem.objects.create(
        community=community, polarity=polarity, number=number, text=text, points=points, **extra
    )


@pytest.fixture
def positive_a(community_a):
    return _item(
        community_a[0], BehaviourPolarity.POSITIVE, 1, "参与社区志愿服务活动", 5, category="志愿服务"
    )


@pytest.fixture
def negative_a(community_a):
    return _item(community_a[0], BehaviourPolarity.NEGATIVE, 1, "高空抛物", -10)


@pytest.fixture
def inactive_a(community_a):
    return _item(community_a[0], BehaviourPolarity.POSITIVE, 2, "已停用条目", 3, is_active=False)


@pytest.fixture
def positive_b(community_b):
    return _item(community_b[0], BehaviourPolarity.POSITIVE, 1, "乙村正面行为", 4)


@pytest.fixture
def reward_a(community_a):
    return Reward.objects.create(community=community_a[0], name="理发服务", kind="service", price=10, stock=5)


@pytest.fixture
def give_points():
    def give(resident, community, points):
        return record_entry(
            resident=resident, community=community, delta=points, kind=EntryKind.AWARD, reason="测试奖励"
        )

    return give
