"""Fixtures of the security tests: one ready target for every public form (an activity, a space, a club, a
topic, a behaviour item and a reward, a resolved 解忧铺 request …), and a verified resident using them."""

import datetime
import io

import pytest
from django.utils import timezone

from home.models import ActivityIndexPage, ActivityPage
from participation import services
from participation.community_life.models import Club
from participation.community_life.spaces import services as space_services
from participation.points.models import BehaviourItem, BehaviourPolarity, EntryKind, Reward
from participation.points.services import record_entry
from participation.roles import StaffRole
from participation.topics.models import ConsultationTopic, TopicCategory
from tests.conftest import PASSWORD
from tests.participation.help.conftest import category_a, committed, make_request  # noqa: F401  (the help flow)
from workflows.models import ReviewState


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def superuser(db):
    from participation.models import User

    return User.objects.create_superuser("13800000999", PASSWORD, display_name="街道管理员")


@pytest.fixture
def verified_a(resident_a, coordinator_a):
    return services.verify_resident(resident=resident_a, staff=coordinator_a)


@pytest.fixture
def neighbour(community_a, coordinator_a):
    """Another verified resident of 五星社区: the author of the topic and the club the others use."""
    user = services.create_resident(
        mobile="13900000102", password=PASSWORD, display_name="王小红", community=community_a[0]
    )
    return services.verify_resident(resident=user, staff=coordinator_a)


@pytest.fixture
def activity(community_a):
    _community, home = community_a
    index = home.add_child(instance=ActivityIndexPage(title="社区活动", slug="activities"))
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    page = ActivityPage(
        title="邻里节",
        slug="linlijie",
        place="社区广场",
        organiser="建设运行组",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        capacity=50,
        signup_deadline=start - datetime.timedelta(days=1),
        points=5,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return ActivityPage.objects.get(pk=page.pk)


@pytest.fixture
def space(community_a):
    every_day = tuple((day, datetime.time(8), datetime.time(20)) for day in range(7))
    return space_services.upsert_space(
        community=community_a[0], name="睦邻会客厅", kind="lounge", capacity=30, hours=every_day
    )


@pytest.fixture
def club(community_a, neighbour):
    return Club.objects.create(
        community=community_a[0],
        author=neighbour,
        leader=neighbour,
        name="书法社",
        description="练习书法",
        category="culture",
        meeting_time="每周三 19:00",
        place="文化展示厅",
        state=ReviewState.APPROVED,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def topic_category(db):
    return TopicCategory.objects.get(name="环境卫生", community=None)


@pytest.fixture
def make_topic(community_a, neighbour, topic_category):
    def make(state=ReviewState.APPROVED, *, author=None, title="小区东门路灯不亮"):
        return ConsultationTopic.objects.create(
            community=community_a[0],
            author=author or neighbour,
            title=title,
            description="晚上很黑。",
            category=topic_category,
            state=state,
            submitted_at=None if state == ReviewState.DRAFT else timezone.now(),
        )

    return make


@pytest.fixture
def topic(make_topic):
    return make_topic()


@pytest.fixture
def behaviour(community_a):
    return BehaviourItem.objects.create(
        community=community_a[0],
        polarity=BehaviourPolarity.POSITIVE,
        number=1,
        text="参与社区志愿服务活动",
        points=5,
        category="志愿服务",
    )


@pytest.fixture
def reward(community_a, verified_a):
    record_entry(
        resident=verified_a, community=community_a[0], delta=1000, kind=EntryKind.AWARD, reason="测试奖励"
    )
    return Reward.objects.create(
        community=community_a[0], name="理发服务", kind="service", price=10, stock=100
    )


@pytest.fixture
def help_category(category_a):
    return category_a  # 水电维修 of 五星社区, as the help flow's own tests have it


@pytest.fixture
def resolved_request(make_request, help_category, coordinator_a, operations_a):
    """make_resolved(requester=None) for a visitor: a request its handler resolved, awaiting confirmation."""

    def make(requester):
        return make_request(
            requester=requester,
            state="resolved",
            category=help_category,
            actor=coordinator_a,
            handler=operations_a,
        )

    return make


def xlsx_bytes(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
