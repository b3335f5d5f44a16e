"""Public pages whose items are plain rows run the same number of SQL queries with 10 items and with 10,000.

Each test fills a page with 10 items, counts the queries of one request, tops the items up to 10,000 with
bulk_create, and counts again, with nothing cached for the current content (see _count_queries)."""

import os
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation.models import ConstructionTask, SurveyKind, SurveyResponse, TaskEvidence
from home.models import ActivityIndexPage, ActivityPage
from participation.activities.models import ActivitySignup, SignupStatus
from participation.help.models import HelpCategory, HelpRequest, HelpState
from participation.models import User
from participation.points.models import BehaviourItem, EntryKind, PointsClaim, PointsEntry, Redemption, Reward
from participation.topics.models import ConsultationTopic, TopicCategory, TopicComment, TopicSupport
from renren_cms.page_cache import bump_generation
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db

FEW, MANY = 10, 10_000
MAX_QUERIES = 12
BATCH = 2_000


def _bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _count_queries(client, url) -> int:
    debug = os.environ.get("QUERY_SCALING_DEBUG")
    # Every cached fragment and page is keyed by the content generation, which bulk_create (no signals) does not
    # move: move it, as any save does, so that nothing cached hides the queries. (cache.clear() would also drop
    # Wagtail's site root paths, which a running server keeps, and count their queries too.)
    bump_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if debug:  # QUERY_SCALING_DEBUG=300 pytest -s … prints each query's first 300 characters
        print(
            f"\n=== {url} {len(queries)}",
            *(q["sql"][: int(debug)] for q in queries.captured_queries),
            sep="\n  ",
        )
    return len(queries)


def assert_flat(clients, urls, fill, *, budget=MAX_QUERIES):
    """Fill to FEW items and count each page's queries for each client; fill to MANY and count again: the same
    counts, each within the budget. Returns {(client name, url): count}."""
    fill(0, FEW)
    for client in clients.values():
        for url in urls:
            client.get(url)  # warm per-process caches (content types, site root paths)
    few = {(name, url): _count_queries(client, url) for name, client in clients.items() for url in urls}
    fill(FEW, MANY)
    many = {(name, url): _count_queries(client, url) for name, client in clients.items() for url in urls}
    assert many == few, f"queries with {FEW} items: {few}; with {MANY}: {many}"
    assert max(few.values()) <= budget, few
    return few


@pytest.fixture
def community(community_a):
    return community_a[0]


@pytest.fixture
def viewer(community, coordinator_a):
    """A verified resident of 五星社区."""
    from participation import services

    resident = services.create_resident(
        mobile="13900000301", password=None, display_name="赵四", community=community
    )
    return services.verify_resident(resident=resident, staff=coordinator_a)


@pytest.fixture
def visitors(client, viewer):
    """An anonymous visitor (past the whole-page cache) and a logged-in resident."""
    client.cookies["sessionid"] = "not-a-session"  # bypass the anonymous page cache: measure the real work
    resident = Client()
    resident.force_login(viewer)
    return {"anonymous": client, "resident": resident}


@pytest.fixture
def resident_client(viewer):
    resident = Client()
    resident.force_login(viewer)
    return {"resident": resident}


def _people(start, stop):
    """Residents numbered start … stop-1 (no password: bulk-made rows, like imported residents)."""
    return _bulk(
        User,
        [
            User(mobile=f"137{number:08d}", display_name=f"居民{number}", password="!")
            for number in range(start, stop)
        ],
    )


# --- 议事厅 ------------------------------------------------------------------------------------------------


@pytest.fixture
def topic_category():
    return TopicCategory.objects.get(name="环境卫生", community=None)


def _topics(community, category, author, start, stop):
    return _bulk(
        ConsultationTopic,
        [
            ConsultationTopic(
                community=community,
                category=category,
                author=author,
                title=f"议题{number}",
                description="说明",
                state=ReviewState.APPROVED,
                submitted_at=timezone.now(),
            )
            for number in range(start, stop)
        ],
    )


def test_topic_list(visitors, community, topic_category, resident_a):
    assert_flat(
        visitors,
        [reverse("topics:list", args=["wuxing"])],
        lambda start, stop: _topics(community, topic_category, resident_a, start, stop),
    )


def test_topic_detail_with_comments_and_supports(visitors, community, topic_category, resident_a):
    [topic] = _topics(community, topic_category, resident_a, 0, 1)

    def fill(start, stop):
        people = _people(start, stop)
        _bulk(TopicSupport, [TopicSupport(topic=topic, resident=person) for person in people])
        # Half comments, half replies to them: the page shows both.
        comments = _bulk(
            TopicComment,
            [
                TopicComment(topic=topic, author=person, body=f"评论{start + i}")
                for i, person in enumerate(people[::2])
            ],
        )
        _bulk(
            TopicComment,
            [
                TopicComment(topic=topic, author=person, body="回复", parent=parent)
                for parent, person in zip(comments, people[1::2], strict=True)
            ],
        )

    assert_flat(visitors, [topic.get_absolute_url()], fill)


# --- 解忧铺 ------------------------------------------------------------------------------------------------


def test_help_public_list(visitors, community):
    category = HelpCategory.objects.create(
        community=community, name="水电维修", response_hours=24, resolution_days=7
    )

    def fill(start, stop):
        _bulk(
            HelpRequest,
            [
                HelpRequest(
                    community=community,
                    category=category,
                    summary=f"求助{n}",
                    description="说明",
                    requester_name="求助人",
                    requester_phone="13900000999",
                    is_public=True,
                    state=HelpState.SUBMITTED,
                    submitted_at=timezone.now(),
                )
                for n in range(start, stop)
            ],
        )

    assert_flat(visitors, [reverse("help:list", args=["wuxing"])], fill)


# --- 积分: 善行榜, 积分超市 and the resident's own pages ----------------------------------------------------


@pytest.fixture
def behaviour(community):
    return BehaviourItem.objects.create(
        community=community, polarity="positive", number=1, text="好事", points=2
    )


def _claims(community, behaviour, authors):
    now = timezone.now()
    return _bulk(
        PointsClaim,
        [
            PointsClaim(
                community=community,
                behaviour=behaviour,
                author=author,
                description="做了好事",
                points=2,
                state=ReviewState.APPROVED,
                submitted_at=now,
                approved_at=now,
            )
            for author in authors
        ],
    )


def _entries(community, residents, start):
    """One earned entry (+2) each; a resident listed many times gets a running balance from `start` entries on."""
    balances = {}
    rows = []
    for number, resident in enumerate(residents, start=start):
        balances[resident.pk] = balances.get(resident.pk, 2 * start) + 2
        rows.append(
            PointsEntry(
                resident=resident,
                community=community,
                kind=EntryKind.AWARD,
                delta=2,
                balance_after=balances[resident.pk],
                reason=f"奖励{number}",
            )
        )
    return _bulk(PointsEntry, rows)


def test_board_and_rewards(visitors, community, behaviour):
    def fill(start, stop):
        people = _people(start, stop)
        _entries(community, people, 0)  # 10,000 residents who earned points this month, to rank
        _claims(community, behaviour, people)
        _bulk(
            Reward,
            [
                Reward(community=community, name=f"奖品{n}", kind="service", price=10, stock=5)
                for n in range(start, stop)
            ],
        )

    assert_flat(
        visitors, [reverse("points:board", args=["wuxing"]), reverse("points:rewards", args=["wuxing"])], fill
    )


def test_my_pages(resident_client, viewer, community, behaviour, topic_category):
    """The resident's own pages with 10,000 ledger entries, claims, redemptions and topics of theirs."""
    reward = Reward.objects.create(community=community, name="理发服务", kind="service", price=1, stock=5)

    def fill(start, stop):
        _entries(community, [viewer] * (stop - start), start)
        _claims(community, behaviour, [viewer] * (stop - start))
        _bulk(
            Redemption,
            [
                Redemption(reward=reward, community=community, resident=viewer, points=1)
                for _ in range(start, stop)
            ],
        )
        _topics(community, topic_category, viewer, start, stop)

    urls = ["/points/me/", "/points/me/claims/", "/points/me/redemptions/", reverse("topics:mine")]
    assert_flat(resident_client, urls, fill)
    # 我的 gathers one section per flow (topics, requests, points, clubs …): it has its own, larger budget.
    assert_flat(
        resident_client,
        [reverse("my_account")],
        lambda start, stop: fill(MANY + start, MANY + stop),
        budget=25,
    )


# --- an activity with its sign-ups ----------------------------------------------------------------------


def test_activity_page_with_signups(visitors, community_a, viewer):
    _, home = community_a
    index = home.add_child(instance=ActivityIndexPage(title="社区活动", slug="activities"))
    start = timezone.now() + timedelta(days=7)
    activity = index.add_child(
        instance=ActivityPage(
            title="邻里节",
            slug="fair",
            place="社区广场",
            organiser="建设运行组",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            signup_deadline=start - timedelta(days=1),
            points=5,
        )
    )
    # The viewer is last on the waitlist: their sign-up box reads their sign-up and their place in the queue.
    ActivitySignup.objects.create(
        activity=activity,
        community=community_a[0],
        resident=viewer,
        status=SignupStatus.WAITLISTED,
        check_in_code="999999",
        created_at=timezone.now() + timedelta(minutes=5),
    )

    def fill(start, stop):
        _bulk(
            ActivitySignup,
            [
                ActivitySignup(
                    activity=activity,
                    community=community_a[0],
                    resident=person,
                    check_in_code=f"{n:06d}",
                    status=SignupStatus.CONFIRMED if n % 2 else SignupStatus.WAITLISTED,
                    created_at=timezone.now(),
                )
                for n, person in zip(range(start, stop), _people(start, stop), strict=True)
            ],
        )

    assert_flat(visitors, [activity.url], fill)
    html = visitors["resident"].get(activity.url).content.decode()
    assert "您在候补名单上（第 5001 位）" in html  # 5,000 wait ahead


# --- the public indicators ------------------------------------------------------------------------------


def test_public_indicators(visitors, community):
    tasks = list(ConstructionTask.objects.order_by("number"))
    year = timezone.localdate().year

    def fill(start, stop):
        _bulk(
            TaskEvidence,
            [
                TaskEvidence(
                    community=community,
                    task=tasks[n % len(tasks)],
                    title=f"佐证{n}",
                    start_date=date(year, 1, 1),
                    state=ReviewState.APPROVED,
                    submitted_at=timezone.now(),
                )
                for n in range(start, stop)
            ],
        )
        _bulk(
            SurveyResponse,
            [
                SurveyResponse(
                    community=community,
                    kind=SurveyKind.SATISFACTION if n % 2 else SurveyKind.AWARENESS,
                    year=year,
                    answers={},
                    score=1,
                    max_score=5,
                    positive=bool(n % 3),
                )
                for n in range(start, stop)
            ],
        )

    assert_flat(visitors, [reverse("evaluation:indicators_json", args=["wuxing"])], fill)
    # The HTML page computes its figures afresh after every content change: the registries in one query, the
    # tasks with their evidence counts in another (9 queries for a visitor, 12 signed in).
    assert_flat(
        visitors,
        [reverse("evaluation:community", args=["wuxing"])],
        lambda start, stop: fill(MANY + start, MANY + stop),
    )
