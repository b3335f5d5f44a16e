"""Attendance check-in by staff: points and volunteer hours exactly once; scoping; bad check-ins."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from participation.activities import services
from participation.points.models import EntryKind, PointsEntry
from participation.points.selectors import balance
from participation.volunteers.models import VolunteerHours
from workflows.models import ReviewState, TransitionLog

pytestmark = pytest.mark.django_db


def test_check_in_awards_points_and_hours_once(make_activity, resident_a, operations_a):
    activity = make_activity(points=5, volunteer=True, hours=Decimal("2.5"))
    signup = services.sign_up(activity=activity, resident=resident_a)
    services.check_in(signup=signup, staff=operations_a)
    services.check_in(signup=signup, staff=operations_a)  # ticked twice
    services.check_in_by_code(activity=activity, code=signup.check_in_code, staff=operations_a)
    assert balance(resident=resident_a) == 5
    entry = PointsEntry.objects.get()
    assert entry.kind == EntryKind.ACTIVITY and entry.source == signup and entry.actor == operations_a
    hours = VolunteerHours.objects.get()
    assert (
        hours.hours == Decimal("2.5") and hours.state == ReviewState.APPROVED and hours.author == resident_a
    )
    assert TransitionLog.objects.filter(object_id=str(hours.pk), to_state="approved").count() == 1


def test_a_plain_activity_gives_points_but_no_hours(activity, resident_a, operations_a):
    signup = services.sign_up(activity=activity, resident=resident_a)
    services.check_in(signup=signup, staff=operations_a)
    assert balance(resident=resident_a) == 5 and not VolunteerHours.objects.exists()


def test_check_in_of_someone_who_did_not_sign_up_is_refused(activity, resident_a, operations_a):
    with pytest.raises(services.SignupError) as error:
        services.check_in_resident(activity=activity, resident=resident_a, staff=operations_a)
    assert error.value.messages == ["该居民未报名本活动。"]
    with pytest.raises(services.SignupError) as error:
        services.check_in_by_code(activity=activity, code="000000x", staff=operations_a)
    assert error.value.messages == ["本活动没有使用此签到码的报名。"]


def test_waitlisted_and_cancelled_cannot_be_checked_in(make_activity, make_resident, operations_a):
    activity = make_activity(capacity=1)
    a, b = make_resident(1), make_resident(2)
    services.sign_up(activity=activity, resident=a)
    waiting = services.sign_up(activity=activity, resident=b)
    with pytest.raises(services.SignupError) as error:
        services.check_in(signup=waiting, staff=operations_a)
    assert error.value.messages == ["该居民在候补名单上，尚未确认报名。"]
    assert not PointsEntry.objects.exists()


def test_staff_of_another_community_cannot_check_in(activity, resident_a, operations_b, coordinator_a):
    signup = services.sign_up(activity=activity, resident=resident_a)
    with pytest.raises(PermissionDenied):
        services.check_in(signup=signup, staff=operations_b)
    with pytest.raises(PermissionDenied):
        services.check_in(signup=signup, staff=resident_a)
    services.check_in(signup=signup, staff=coordinator_a)  # coordination runs activities too
    signup.refresh_from_db()
    assert signup.attended


def test_admin_check_in_list_ticks_and_scopes(client, activity, make_resident, operations_a, operations_b):
    a, b = make_resident(1), make_resident(2)
    first = services.sign_up(activity=activity, resident=a)
    services.sign_up(activity=activity, resident=b)
    url = f"/admin/activity_check_in/{activity.pk}/"
    client.force_login(operations_b)
    assert client.get(url).status_code == 404
    assert activity.title not in client.get("/admin/activity_check_in/").content.decode()
    client.force_login(operations_a)
    html = client.get(url).content.decode()
    assert "居民1" in html and first.check_in_code in html
    response = client.post(url, {"signup": [first.pk]}, follow=True)
    assert "已签到 1 位居民" in response.content.decode()
    first.refresh_from_db()
    assert first.attended and balance(resident=a) == 5
    response = client.post(url, {"code": "999999x"}, follow=True)
    assert "本活动没有使用此签到码的报名" in response.content.decode()


def test_residents_have_no_admin_check_in(client, activity, resident_a):
    client.force_login(resident_a)
    assert client.get("/admin/activity_check_in/").status_code in (302, 403)
