from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from home.models import ActivityIndexPage, ActivityPage
from participation import services
from participation.roles import StaffRole
from tests.conftest import PASSWORD

START = timezone.now().replace(microsecond=0) + timedelta(days=7)


@pytest.fixture
def activity_index(community_a):
    _, home = community_a
    return home.add_child(instance=ActivityIndexPage(title="社区活动", slug="activities"))


@pytest.fixture
def make_activity(activity_index):
    def make(
        title="邻里节", capacity=2, points=5, volunteer=False, hours=Decimal("0"), deadline=None, **fields
    ):
        page = ActivityPage(
            title=title,
            slug=f"a{ActivityPage.objects.count() + 1}",
            place="社区广场",
            organiser="建设运行组",
            starts_at=START,
            ends_at=START + timedelta(hours=2),
            capacity=capacity,
            signup_deadline=deadline or START - timedelta(days=1),
            points=points,
            is_volunteer_activity=volunteer,
            volunteer_hours=hours,
            **fields,
        )
        activity_index.add_child(instance=page)
        page.save_revision().publish()
        return ActivityPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def activity(make_activity):
    return make_activity()


@pytest.fixture
def make_resident(community_a):
    def make(number: int, community=None, name=None):
        return services.create_resident(
            mobile=f"139{number:08d}",
            password=PASSWORD,
            display_name=name or f"居民{number}",
            community=community or community_a[0],
        )

    return make


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")
