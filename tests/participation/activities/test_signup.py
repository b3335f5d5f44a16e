"""Sign-up, the waitlist and its FIFO promotion, cancellation before the deadline."""

from datetime import timedelta

import pytest

from participation.activities import selectors, services
from participation.activities.models import ActivitySignup, SignupStatus
from workflows.models import Message

from .conftest import START

pytestmark = pytest.mark.django_db


def test_first_seats_are_confirmed_then_the_waitlist(activity, make_resident):
    people = [make_resident(n) for n in range(1, 5)]
    statuses = [services.sign_up(activity=activity, resident=p).status for p in people]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert selectors.counts(activity=activity) == {"confirmed": 2, "waitlisted": 2, "attended": 0}


def test_one_signup_per_resident(activity, resident_a):
    services.sign_up(activity=activity, resident=resident_a)
    with pytest.raises(services.SignupError) as error:
        services.sign_up(activity=activity, resident=resident_a)
    assert error.value.messages == ["您已报名本活动。"]
    assert ActivitySignup.objects.count() == 1


def test_cancelling_promotes_the_first_on_the_waitlist_and_tells_them(
    activity, make_resident, django_capture_on_commit_callbacks
):
    a, b, c, d = (make_resident(n) for n in range(1, 5))
    first = services.sign_up(activity=activity, resident=a)
    services.sign_up(activity=activity, resident=b)
    third = services.sign_up(activity=activity, resident=c, now=START - timedelta(days=5))
    services.sign_up(activity=activity, resident=d, now=START - timedelta(days=4))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(signup=first, actor=a)
    third.refresh_from_db()
    assert third.status == SignupStatus.CONFIRMED
    assert ActivitySignup.objects.get(resident=d).status == SignupStatus.WAITLISTED
    message = Message.objects.get(recipient=c)
    assert "候补" in message.body and third.check_in_code in message.body
    assert not Message.objects.filter(recipient=d).exists()


def test_resigning_after_cancelling_is_allowed(activity, resident_a):
    signup = services.sign_up(activity=activity, resident=resident_a)
    services.cancel_signup(signup=signup, actor=resident_a)
    again = services.sign_up(activity=activity, resident=resident_a)
    assert again.status == SignupStatus.CONFIRMED and again.pk != signup.pk


def test_no_signup_or_cancellation_after_the_deadline(activity, resident_a, make_resident):
    signup = services.sign_up(activity=activity, resident=resident_a)
    late = START - timedelta(hours=12)
    with pytest.raises(services.SignupError) as error:
        services.sign_up(activity=activity, resident=make_resident(9), now=late)
    assert error.value.messages == ["本活动报名已截止。"]
    with pytest.raises(services.SignupError) as error:
        services.cancel_signup(signup=signup, actor=resident_a, now=late)
    assert "已过报名截止时间" in error.value.messages[0]
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_residents_of_another_community_cannot_sign_up(activity, resident_b):
    with pytest.raises(services.SignupError) as error:
        services.sign_up(activity=activity, resident=resident_b)
    assert error.value.messages == ["只有本社区居民可以报名。"]


def test_unlimited_capacity_never_waitlists(make_activity, make_resident):
    activity = make_activity(capacity=None)
    assert {services.sign_up(activity=activity, resident=make_resident(n)).status for n in range(5)} == {
        "confirmed"
    }


def test_raising_the_capacity_lets_the_waitlist_in_on_the_next_signup(activity, make_resident):
    a, b, c, d = (make_resident(n) for n in range(1, 5))
    for person in (a, b, c):
        services.sign_up(activity=activity, resident=person)
    activity.capacity = 4
    activity.save_revision().publish()
    assert services.sign_up(activity=activity, resident=d).status == SignupStatus.CONFIRMED
    assert ActivitySignup.objects.get(resident=c).status == SignupStatus.CONFIRMED


def test_capacity_below_confirmed_signups_is_refused_on_edit(activity, make_resident):
    from django.core.exceptions import ValidationError

    for n in (1, 2):
        services.sign_up(activity=activity, resident=make_resident(n))
    activity.capacity = 1
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert error.value.message_dict["capacity"] == ["已有 2 人确认报名：名额不能少于此数。"]


def test_someone_else_cannot_cancel_my_signup(activity, resident_a, make_resident):
    from django.core.exceptions import PermissionDenied

    signup = services.sign_up(activity=activity, resident=resident_a)
    with pytest.raises(PermissionDenied):
        services.cancel_signup(signup=signup, actor=make_resident(7))
