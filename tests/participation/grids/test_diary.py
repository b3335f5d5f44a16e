"""Grids, households and the 民情日记: staff only, scoped to their community; evaluation sees counts only."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from participation.grids.models import DiaryEntry
from participation.grids.services import record_diary_entry
from participation.models import Grid, Household
from participation.roles import GRID_WORKER_GROUP, StaffRole

pytestmark = pytest.mark.django_db
SECRET = "独居老人反映家中漏水严重"


@pytest.fixture
def grid_a(community_a, coordinator_a):
    return Grid.objects.create(
        community=community_a[0],
        name="第一网格",
        worker=coordinator_a,
        party_branch="第一网格党支部",
        position="3幢架空层党群服务站",
    )


@pytest.fixture
def household_a(community_a, grid_a):
    return Household.objects.create(
        community=community_a[0], grid=grid_a, address="3幢2单元501", head_name="王奶奶"
    )


@pytest.fixture
def household_b(community_b):
    return Household.objects.create(community=community_b[0], address="村东12号")


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def evaluation_a(make_staff, community_a):
    return make_staff("13800000104", StaffRole.EVALUATION, community_a[0], "评价甲")


def diary_post(household, concerns=SECRET):
    return {
        "household": household.pk,
        "kind": "visit",
        "visited_on": "2026-11-20",
        "participants": "网格员、王奶奶",
        "concerns": concerns,
        "follow_up": "联系物业维修",
        "follow_up_due": "",
    }


def test_staff_record_a_visit_in_the_admin(client, operations_a, household_a, grid_a):
    client.force_login(operations_a)
    response = client.post(reverse("diary:add"), diary_post(household_a))
    assert response.status_code == 302
    entry = DiaryEntry.objects.get()
    assert (entry.author, entry.community_id, entry.grid) == (operations_a, household_a.community_id, grid_a)


def test_a_household_of_another_community_is_refused(client, operations_a, household_b):
    client.force_login(operations_a)
    response = client.post(reverse("diary:add"), diary_post(household_b))
    assert response.status_code == 200
    assert "该住户属于其他社区" in response.content.decode()
    assert not DiaryEntry.objects.exists()
    with pytest.raises(ValidationError):
        record_diary_entry(
            author=operations_a, household=household_b, visited_on=date(2026, 11, 1), concerns="x"
        )
    assert not DiaryEntry.objects.exists()


def test_grid_worker_group_keeps_the_diary(client, make_staff, community_a, household_a):
    from django.contrib.auth.models import Group

    worker = make_staff("13800000105", StaffRole.OPERATIONS, community_a[0], "网格员甲")
    worker.groups.set([Group.objects.get(name=GRID_WORKER_GROUP)])
    client.force_login(worker)
    assert client.post(reverse("diary:add"), diary_post(household_a)).status_code == 302


def test_evaluation_group_sees_counts_not_contents(client, operations_a, evaluation_a, household_a):
    record_diary_entry(
        author=operations_a, household=household_a, visited_on=date(2026, 11, 3), concerns=SECRET
    )
    client.force_login(evaluation_a)
    assert client.get(reverse("diary:index")).status_code in (302, 403)
    html = client.get(reverse("participation_diary_statistics")).content.decode()
    assert "第一网格" in html and "2026-11" in html
    assert SECRET not in html


def test_diary_content_never_reaches_public_pages_or_residents(client, demo):
    from participation.models import Community, User

    wuxing = Community.objects.get(slug="wuxing")
    household = Household.objects.create(community=wuxing, address="1幢101")
    operations = User.objects.get(mobile="13800000003")
    resident_a = User.objects.get(mobile="13900000001")
    record_diary_entry(author=operations, household=household, visited_on=date(2026, 11, 3), concerns=SECRET)
    for url in ["/", "/wuxing/", "/search/?q=漏水", "/search/?q=独居老人", "/api/v2/pages/?search=漏水"]:
        assert SECRET not in client.get(url).content.decode(), url
    client.force_login(resident_a)
    assert client.get(reverse("diary:index")).status_code == 302  # to the admin login
    assert SECRET not in client.get("/me/data.json").content.decode()


def test_staff_of_another_community_cannot_open_an_entry(
    client, operations_a, household_a, make_staff, community_b
):
    entry = record_diary_entry(
        author=operations_a, household=household_a, visited_on=date(2026, 11, 3), concerns=SECRET
    )
    other = make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")
    client.force_login(other)
    assert client.get(reverse("diary:edit", args=(entry.pk,))).status_code in (302, 403)
    assert SECRET not in client.get(reverse("diary:index")).content.decode()


def test_household_grid_must_be_of_its_community(community_b, grid_a):
    household = Household(community=community_b[0], grid=grid_a, address="村西1号")
    with pytest.raises(ValidationError):
        household.full_clean()


def test_coordinator_creates_a_grid_in_their_community_only(client, coordinator_a, community_a, community_b):
    client.force_login(coordinator_a)
    form = client.get(reverse("grids:add")).content.decode()
    assert community_a[0].name in form and community_b[0].name not in form
    response = client.post(reverse("grids:add"), {"community": community_a[0].pk, "name": "第二网格"})
    assert response.status_code == 302
    assert Grid.objects.filter(community=community_a[0], name="第二网格").exists()
    response = client.post(reverse("grids:add"), {"community": community_b[0].pk, "name": "越权网格"})
    assert response.status_code == 200
    assert not Grid.objects.filter(name="越权网格").exists()
