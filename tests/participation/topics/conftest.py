"""Fixtures of the 人人议事厅 tests: verified residents, the other work groups, topics in any state."""

import pytest
from django.utils import timezone

from participation import services as participation_services
from participation.roles import StaffRole
from participation.topics.models import ConsultationTopic, TopicCategory
from tests.conftest import PASSWORD
from workflows.models import ReviewState


@pytest.fixture
def category(db):
    return TopicCategory.objects.get(name="环境卫生", community=None)


@pytest.fixture
def verified(coordinator_a):
    def verify(user):
        return participation_services.verify_resident(resident=user, staff=coordinator_a)

    return verify


@pytest.fixture
def make_resident(community_a):
    def make(mobile, name="王小红", community=None):
        return participation_services.create_resident(
            mobile=mobile, password=PASSWORD, display_name=name, community=community or community_a[0]
        )

    return make


@pytest.fixture
def neighbour(make_resident, verified):
    """A second, verified resident of 五星社区."""
    return verified(make_resident("13900000102", "王小红"))


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def evaluation_a(make_staff, community_a):
    return make_staff("13800000104", StaffRole.EVALUATION, community_a[0], "评价甲")


@pytest.fixture
def second_coordinator_a(make_staff, community_a):
    return make_staff("13800000105", StaffRole.COORDINATION, community_a[0], "协调丙")


@pytest.fixture
def make_topic(community_a, resident_a, category):
    """A topic put straight into `state` (test setup only: the app changes states by transitions)."""

    def make(state=ReviewState.DRAFT, *, author=None, title="小区东门路灯不亮", **fields):
        submitted_at = None if state in (ReviewState.DRAFT, ReviewState.WITHDRAWN) else timezone.now()
        if state in ("decided", "implemented"):
            fields.setdefault("resolution", "由物业在两周内修复")
        if state == "implemented":
            fields.setdefault("implementation_note", "已修复")
        return ConsultationTopic.objects.create(
            community=community_a[0],
            author=author or resident_a,
            title=title,
            description="晚上很黑，老人出行不便。",
            category=fields.pop("category", category),
            state=state,
            submitted_at=submitted_at,
            **fields,
        )

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs what waits for the commit (notifications, emails) at the end of the block."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
