"""Volunteers: registration, the indicator's count, hours logged, reviewed by operations, counted once approved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from participation.roles import StaffRole
from participation.volunteers import selectors, services
from participation.volunteers.models import Volunteer, VolunteerHours
from workflows.exceptions import TransitionForbidden
from workflows.models import ReviewState
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 5, 20)


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def operations_b(make_staff, community_b):
    return make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙")


@pytest.fixture
def volunteer_a(resident_a):
    return services.register_volunteer(
        resident=resident_a, skills="急救", availability="周末", agreed_to_code=True
    )


def log(resident, hours="2", date=TODAY, description="帮老人买菜"):
    return services.log_hours(
        resident=resident, date=date, hours=Decimal(hours), description=description, today=TODAY
    )


def test_registration_needs_the_code_and_counts_while_active(resident_a, community_a):
    with pytest.raises(ValidationError) as error:
        services.register_volunteer(resident=resident_a, skills="", availability="", agreed_to_code=False)
    assert error.value.messages == ["请同意志愿者守则后再登记。"]
    volunteer = services.register_volunteer(
        resident=resident_a, skills="急救", availability="", agreed_to_code=True
    )
    assert selectors.active_volunteer_count(community=community_a[0]) == 1
    with pytest.raises(ValidationError):
        services.register_volunteer(resident=resident_a, skills="", availability="", agreed_to_code=True)
    services.withdraw_volunteer(volunteer=volunteer, actor=resident_a)
    assert selectors.active_volunteer_count(community=community_a[0]) == 0
    services.register_volunteer(resident=resident_a, skills="理发", availability="", agreed_to_code=True)
    assert Volunteer.objects.get().skills == "理发"
    assert selectors.active_volunteer_count(community=community_a[0]) == 1


def test_a_deactivated_account_does_not_count(volunteer_a, resident_a, community_a):
    resident_a.is_active = False
    resident_a.save()
    assert selectors.active_volunteer_count(community=community_a[0]) == 0


@pytest.mark.parametrize("hours", ["0", "-1", "24.5"])
def test_bad_hours_are_refused(volunteer_a, resident_a, hours):
    with pytest.raises(ValidationError) as error:
        log(resident_a, hours)
    assert error.value.message_dict["hours"] == ["时长必须大于 0 小时且不超过 24 小时。"]
    assert not VolunteerHours.objects.exists()


def test_future_dates_and_non_volunteers_are_refused(volunteer_a, resident_a, resident_b):
    with pytest.raises(ValidationError) as error:
        log(resident_a, date=TODAY + datetime.timedelta(days=1))
    assert error.value.message_dict["date"] == ["日期不能晚于今天。"]
    with pytest.raises(ValidationError) as error:
        log(resident_b)
    assert error.value.messages == ["请先登记为志愿者，再记录服务时长。"]


def test_hours_count_after_operations_approve(
    volunteer_a, resident_a, operations_a, operations_b, community_a
):
    record = log(resident_a, "2.5")
    assert record.state == ReviewState.SUBMITTED
    assert selectors.approved_hours(resident=resident_a) == 0
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=record, transition="approve", actor=operations_b)  # another community
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=record, transition="approve", actor=resident_a)  # four eyes
    perform_transition(obj=record, transition="approve", actor=operations_a)
    assert selectors.approved_hours(resident=resident_a) == Decimal("2.5")
    assert selectors.approved_hours(community=community_a[0]) == Decimal("2.5")
    rejected = log(resident_a, "3")
    perform_transition(obj=rejected, transition="reject", actor=operations_a, comment="当天没有活动")
    assert selectors.approved_hours(resident=resident_a) == Decimal("2.5")


def test_the_public_pages(client, resident_a):
    client.force_login(resident_a)
    assert client.get("/volunteers/hours/").url == "/volunteers/register/"
    html = client.post("/volunteers/register/", {"skills": "急救"}).content.decode()
    assert "请同意志愿者守则后再登记。" in html and 'role="alert"' in html
    response = client.post("/volunteers/register/", {"skills": "急救", "agree": "on"}, follow=True)
    assert "您已登记为志愿者" in response.content.decode()
    html = client.post(
        "/volunteers/hours/", {"date": "2025-05-01", "hours": "30", "description": "x"}
    ).content
    assert "时长必须大于 0 小时且不超过 24 小时。" in html.decode()
    response = client.post(
        "/volunteers/hours/", {"date": "2025-05-01", "hours": "2", "description": "清扫楼道"}, follow=True
    )
    html = response.content.decode()
    assert "已提交" in html and "清扫楼道" in html
    assert "我的志愿服务" in client.get("/me/").content.decode()


def test_review_queue_in_the_admin(client, volunteer_a, resident_a, operations_a):
    record = log(resident_a)
    client.force_login(operations_a)
    assert str(record) in client.get("/admin/volunteer_hours/").content.decode()
    response = client.post(
        f"/admin/volunteer_hours/{record.pk}/transition/approve/", {"comment": "", "seen_state": "submitted"}
    )
    assert response.status_code == 302
    assert VolunteerHours.objects.get().state == ReviewState.APPROVED


def test_my_hours_query_count(client, volunteer_a, resident_a, django_assert_max_num_queries):
    for day in range(30):
        log(resident_a, date=TODAY - datetime.timedelta(days=day))
    client.force_login(resident_a)
    with django_assert_max_num_queries(12):
        assert client.get("/volunteers/hours/").status_code == 200
