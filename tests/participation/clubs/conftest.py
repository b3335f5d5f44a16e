"""Fixtures of the community-life tests (clubs, spaces): operations staff, more residents, an approved club."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from participation import services
from participation.community_life.models import Club
from participation.roles import StaffRole
from tests.conftest import PASSWORD


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")


@pytest.fixture
def make_resident(community_a):
    def make(mobile, name, community=None):
        return services.create_resident(
            mobile=mobile, password=PASSWORD, display_name=name, community=community or community_a[0]
        )

    return make


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("13800000999", PASSWORD, display_name="街道管理员")


@pytest.fixture
def make_club(community_a, resident_a):
    def make(state="approved", *, author=None, community=None, name="书法社", member_limit=None):
        author = author or resident_a
        submitted_at = None if state in ("draft", "withdrawn") else timezone.now()
        return Club.objects.create(
            community=community or community_a[0],
            author=author,
            leader=author,
            name=name,
            description="练习书法",
            category="culture",
            meeting_time="每周三 19:00",
            place="文化展示厅",
            member_limit=member_limit,
            state=state,
            submitted_at=submitted_at,
        )

    return make
