"""One-step conversion of a 民情日记 concern into a 解忧铺 request or a 议事厅 topic, linked back to the entry;
once per kind; only the staff of the entry's community (and its grid worker); the diary never goes public."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from participation.grids import conversion
from participation.grids.services import record_diary_entry
from participation.help.diary import convert_to_help_request
from participation.help.models import HelpCategory, HelpRequest, HelpState
from participation.models import Grid, Household, User
from participation.roles import GRID_WORKER_GROUP, StaffRole
from participation.topics.models import ConsultationTopic, TopicCategory
from tests.participation.topics.test_concurrency import needs_postgres, run_together
from workflows.models import ReviewState
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db
CONCERN = "王奶奶反映楼道灯坏了，晚上看不见台阶"
PARTICIPANTS = "网格员、王奶奶、她的女儿李某某"
FOLLOW_UP = "王奶奶独居，患有糖尿病，需每周探访"
PUBLIC_SUMMARY = "3幢楼道灯需要维修"
PUBLIC_TEXT = "3幢2单元楼道灯不亮，请尽快维修。"


@pytest.fixture
def worker_a(community_a):
    user = User.objects.create_user("13800000107", "x-grid-2024", display_name="网格员甲", is_staff=True)
    user.communities.add(community_a[0])
    user.groups.add(Group.objects.get(name=GRID_WORKER_GROUP))
    return user


@pytest.fixture
def grid_a(community_a, worker_a):
    return Grid.objects.create(community=community_a[0], name="第一网格", worker=worker_a)


@pytest.fixture
def household_a(community_a, grid_a, resident_a):
    household = Household.objects.create(
        community=community_a[0], grid=grid_a, address="3幢2单元501", head_name="王奶奶", phone="13700000011"
    )
    resident_a.household = household
    resident_a.save(update_fields=["household"])
    return household


@pytest.fixture
def lone_household(community_a, grid_a):
    """No account linked: the head of household is the requester."""
    return Household.objects.create(
        community=community_a[0], grid=grid_a, address="5幢101", head_name="赵大爷", phone="13700000012"
    )


@pytest.fixture
def help_category(community_a):
    return HelpCategory.objects.create(community=community_a[0], name="水电维修")


@pytest.fixture
def topic_category(db):
    return TopicCategory.objects.get(name="环境卫生", community=None)


@pytest.fixture
def make_entry(worker_a):
    def make(household):
        return record_diary_entry(
            author=worker_a,
            household=household,
            visited_on=date(2026, 11, 20),
            concerns=CONCERN,
            participants=PARTICIPANTS,
            follow_up=FOLLOW_UP,
        )

    return make


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")


def help_post(category, **extra):
    return {"category": category.pk, "summary": PUBLIC_SUMMARY, "description": PUBLIC_TEXT, **extra}


def test_the_confirm_form_is_prefilled_from_the_entry(client, worker_a, make_entry, household_a):
    entry = make_entry(household_a)
    client.force_login(worker_a)
    page = client.get(reverse("diary:convert_help", args=[entry.pk])).content.decode()
    assert CONCERN in page  # summary and description default to the concern
    assert "张小明" in page  # the household's resident is offered, and chosen
    page = client.get(reverse("diary:convert_topic", args=[entry.pk])).content.decode()
    assert CONCERN in page and "环境卫生" in page


def test_grid_worker_turns_a_concern_into_a_request_for_the_households_resident(
    client, worker_a, make_entry, household_a, resident_a, help_category, grid_a
):
    entry = make_entry(household_a)
    client.force_login(worker_a)
    response = client.post(
        reverse("diary:convert_help", args=[entry.pk]),
        help_post(help_category, resident=resident_a.pk),
        follow=True,
    )
    request = HelpRequest.objects.get()
    assert (request.author, request.entered_by, request.source_diary_entry) == (resident_a, worker_a, entry)
    assert request.state == HelpState.SUBMITTED and request.channel == "in_person" and request.grid == grid_a
    assert (request.summary, request.description) == (PUBLIC_SUMMARY, PUBLIC_TEXT)
    page = response.content.decode()
    assert "已根据民情日记创建" in page  # the confirmation
    assert reverse("help_requests:edit", args=[request.pk]) in page  # the entry links to the request
    listing = client.get(reverse("diary:index")).content.decode()
    assert f"#{request.pk}" in listing


def test_without_an_account_the_head_of_household_is_the_requester(
    client, operations_a, make_entry, lone_household, help_category
):
    entry = make_entry(lone_household)
    client.force_login(operations_a)
    page = client.get(reverse("diary:convert_help", args=[entry.pk])).content.decode()
    assert "赵大爷" in page and "13700000012" in page
    response = client.post(
        reverse("diary:convert_help", args=[entry.pk]),
        help_post(help_category, name="赵大爷", phone="13700000012"),
        follow=True,
    )
    request = HelpRequest.objects.get()
    assert request.author is None and (request.requester_name, request.requester_phone) == (
        "赵大爷",
        "13700000012",
    )
    assert request.entered_by == operations_a and request.tracking_token_hash
    assert "/help/track/" in response.content.decode()  # the tracking link, shown once to hand over


def test_convert_to_a_topic_for_the_resident_and_as_the_grid_worker(
    client, worker_a, coordinator_a, make_entry, household_a, lone_household, resident_a, topic_category
):
    client.force_login(worker_a)
    entry = make_entry(household_a)
    response = client.post(
        reverse("diary:convert_topic", args=[entry.pk]),
        {
            "resident": resident_a.pk,
            "category": topic_category.pk,
            "title": "楼道照明改造",
            "description": "建议更换全楼声控灯。",
        },
    )
    assert response.status_code == 302
    topic = ConsultationTopic.objects.get(source_diary_entry=entry)
    assert (topic.author, topic.entered_by, topic.state) == (resident_a, worker_a, ReviewState.SUBMITTED)
    # The coordination group reviews it as any topic.
    approved = perform_transition(obj=topic, transition="approve", actor=coordinator_a)
    assert approved.state == ReviewState.APPROVED

    other = make_entry(lone_household)
    client.post(
        reverse("diary:convert_topic", args=[other.pk]),
        {"category": topic_category.pk, "title": "小区停车难", "description": ""},
    )
    raised = ConsultationTopic.objects.get(source_diary_entry=other)
    assert (raised.author, raised.entered_by, raised.state) == (worker_a, None, ReviewState.SUBMITTED)
    page = client.get(reverse("diary:edit", args=[other.pk])).content.decode()
    assert "小区停车难" in page


def test_converting_twice_creates_nothing_new(
    client, worker_a, make_entry, household_a, resident_a, help_category, topic_category
):
    entry = make_entry(household_a)
    client.force_login(worker_a)
    url = reverse("diary:convert_help", args=[entry.pk])
    first = client.post(url, help_post(help_category, resident=resident_a.pk))
    second = client.post(
        url, help_post(help_category, resident=resident_a.pk), follow=True
    )  # a double submit
    assert first.status_code == 302
    assert HelpRequest.objects.count() == 1
    assert "已转为解忧请求" in second.content.decode()
    with pytest.raises(conversion.AlreadyConverted):
        convert_to_help_request(
            entry=entry,
            actor=worker_a,
            category=help_category,
            summary="再来一次",
            description="x",
            resident=resident_a,
        )
    assert HelpRequest.objects.count() == 1
    # The entry's page no longer offers the request, but still the topic.
    page = client.get(reverse("diary:edit", args=[entry.pk])).content.decode()
    assert url not in page and reverse("diary:convert_topic", args=[entry.pk]) in page


def test_only_staff_of_the_entrys_community_may_convert(
    client, make_entry, household_a, help_category, resident_a, operations_b, publicity_a, worker_a
):
    entry = make_entry(household_a)
    for user in (resident_a, operations_b, publicity_a):
        client.force_login(user)
        for name in ("diary:convert_help", "diary:convert_topic"):
            url = reverse(name, args=[entry.pk])
            assert client.get(url).status_code in (302, 403)
            assert client.post(url, help_post(help_category, resident=resident_a.pk)).status_code in (
                302,
                403,
            )
    assert not HelpRequest.objects.exists() and not ConsultationTopic.objects.exists()
    with pytest.raises(PermissionDenied):
        convert_to_help_request(
            entry=entry,
            actor=operations_b,
            category=help_category,
            summary="越权",
            description="x",
            resident=resident_a,
        )
    # A resident of another household cannot be named as the requester.
    stranger = User.objects.create_user("13900000109", "x", display_name="陌生人")
    client.force_login(worker_a)
    response = client.post(
        reverse("diary:convert_help", args=[entry.pk]), help_post(help_category, resident=stranger.pk)
    )
    assert response.status_code == 200 and "该居民不是这一户的成员" in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_no_diary_content_on_public_pages_or_for_the_resident(
    client, worker_a, coordinator_a, make_entry, household_a, resident_a, help_category, topic_category
):
    entry = make_entry(household_a)
    client.force_login(worker_a)
    client.post(
        reverse("diary:convert_help", args=[entry.pk]),
        help_post(help_category, resident=resident_a.pk, is_public="on"),
    )
    client.post(
        reverse("diary:convert_topic", args=[entry.pk]),
        {"category": topic_category.pk, "title": "楼道照明改造", "description": PUBLIC_TEXT},
    )
    request = HelpRequest.objects.get()
    topic = perform_transition(obj=ConsultationTopic.objects.get(), transition="approve", actor=coordinator_a)
    diary_url = reverse("diary:edit", args=[entry.pk])

    def assert_clean(html, where):
        for secret in (CONCERN, PARTICIPANTS, FOLLOW_UP, diary_url, "民情日记"):
            assert secret not in html, (where, secret)

    client.logout()
    public = [
        reverse("help:list", args=["wuxing"]),
        reverse("topics:list", args=["wuxing"]),
        reverse("topics:detail", args=[topic.pk]),
        "/wuxing/",
        "/search/?q=楼道",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), url)
    assert PUBLIC_SUMMARY in client.get(public[0]).content.decode()  # what the converter chose is there
    client.force_login(resident_a)
    for url in [
        reverse("help:detail", args=[request.pk]),
        reverse("my_account"),
        "/me/data.json",
        reverse("topics:detail", args=[topic.pk]),
        reverse("topics:mine"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), url)
    assert client.get(diary_url).status_code == 302  # the diary stays in the admin, for staff


def test_diary_and_household_lists_filter_by_grid(
    client, operations_a, worker_a, community_a, community_b, household_a, lone_household
):
    second = Grid.objects.create(community=community_a[0], name="第二网格")
    Grid.objects.create(community=community_b[0], name="村东网格")
    moved = Household.objects.create(community=community_a[0], grid=second, address="9幢909")
    record_diary_entry(
        author=worker_a, household=household_a, visited_on=date(2026, 11, 2), concerns="一网格的走访"
    )
    record_diary_entry(
        author=worker_a, household=moved, visited_on=date(2026, 11, 3), concerns="二网格的走访"
    )
    client.force_login(operations_a)
    page = client.get(reverse("diary:index")).content.decode()
    assert "3幢2单元501" in page and "9幢909" in page and "村东网格" not in page
    page = client.get(reverse("diary:index"), {"grid": second.pk}).content.decode()
    assert "9幢909" in page and "3幢2单元501" not in page
    page = client.get(reverse("households:index"), {"grid": second.pk}).content.decode()
    assert "9幢909" in page and "5幢101" not in page and "村东网格" not in page


@needs_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_conversions_create_one_request(
    worker_a, operations_a, make_entry, household_a, resident_a, help_category
):
    entry = make_entry(household_a)
    outcomes = run_together(
        *[
            lambda actor=actor: convert_to_help_request(
                entry=entry,
                actor=actor,
                category=help_category,
                summary=PUBLIC_SUMMARY,
                description=PUBLIC_TEXT,
                resident=resident_a,
            )
            for actor in (worker_a, operations_a)
        ]
    )
    assert HelpRequest.objects.filter(source_diary_entry=entry).count() == 1
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["AlreadyConverted", "tuple"]
