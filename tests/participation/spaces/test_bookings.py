"""Shared spaces: booking validation, the review permission matrix, cancelling, the public pages and 我的."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from participation.community_life.models import SpaceBooking
from participation.community_life.spaces import services
from tests.participation.spaces.conftest import NOW, SATURDAY, THURSDAY
from workflows.exceptions import TransitionForbidden
from workflows.models import TransitionLog
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db


def test_a_booking_inside_opening_hours_is_requested(book, resident_a, space):
    booking = book((9, 30), (11, 0))
    assert (booking.state, booking.author, booking.community_id) == (
        "submitted",
        resident_a,
        space.community_id,
    )
    assert TransitionLog.objects.filter(object_id=str(booking.pk), to_state="submitted").exists()


@pytest.mark.parametrize(
    ("start", "end", "date", "message"),
    [
        ((10, 0), (10, 0), THURSDAY, "预约时长不能为零"),
        ((17, 0), (9, 0), THURSDAY, "不能跨天"),  # "17:00 to 09:00": across midnight
        ((11, 0), (13, 0), THURSDAY, "所选时段不在开放时间内。周四开放时间：09:00–12:00、14:00–18:00"),
        ((8, 0), (9, 30), THURSDAY, "所选时段不在开放时间内"),
        ((10, 0), (11, 0), SATURDAY, "该空间周六不开放"),
        ((9, 0), (9, 30), NOW.date(), "该时间已经过去"),  # earlier today
        ((9, 0), (10, 0), THURSDAY + datetime.timedelta(days=90), "最多只能提前60天预约"),
    ],
)
def test_bad_slots_are_refused_in_chinese_and_nothing_is_saved(book, start, end, date, message):
    with pytest.raises(services.BookingRefused) as refusal:
        book(start, end, date=date)
    assert message in " ".join(refusal.value.messages)
    assert not SpaceBooking.objects.exists()


def test_overlapping_bookings_are_refused_adjacent_ones_are_fine(book, make_resident):
    book((9, 0), (10, 0))
    other = make_resident("13900000109", "王小红")
    with pytest.raises(services.BookingRefused) as refusal:
        book((9, 30), (11, 0), booker=other)
    assert "该时段与已有预约（09:00–10:00）冲突" in " ".join(refusal.value.messages)
    assert book((10, 0), (11, 0), booker=other).state == "submitted"  # half-open: 10:00 is free
    assert SpaceBooking.objects.count() == 2


def test_declined_and_cancelled_bookings_free_their_slot(book, operations_a, resident_a):
    declined = book((9, 0), (10, 0))
    perform_transition(obj=declined, transition="reject", actor=operations_a, comment="当天场地维修")
    cancelled = book((9, 0), (10, 0))
    services.cancel_booking(booking=cancelled, actor=resident_a)
    assert book((9, 0), (10, 0)).state == "submitted"


def test_capacity_is_respected(book):
    with pytest.raises(services.BookingRefused) as refusal:
        book((9, 0), (10, 0), attendees=31)
    assert "该空间最多容纳30人" in " ".join(refusal.value.messages)


def test_residents_of_another_community_cannot_book(book, resident_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        book((9, 0), (10, 0), booker=resident_b)
    assert not SpaceBooking.objects.exists()


def test_a_club_leader_books_for_the_club_others_cannot(book, make_club, make_resident, resident_a):
    club = make_club()
    assert book((9, 0), (10, 0), club=club).club == club
    with pytest.raises(services.BookingRefused) as refusal:
        book((10, 0), (11, 0), club=club, booker=make_resident("13900000109", "王小红"))
    assert "只有本社区已批准社团的负责人" in " ".join(refusal.value.messages)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only"
)
def test_the_database_refuses_overlapping_bookings(book, space, resident_a):
    booking = book((9, 0), (10, 0))
    with pytest.raises(IntegrityError, match="space_booking_no_overlap"), transaction.atomic():
        SpaceBooking.objects.create(
            community_id=space.community_id,
            space=space,
            author=resident_a,
            date=THURSDAY,
            purpose="插队",
            start_time=datetime.time(9, 30),
            end_time=datetime.time(10, 30),
            state="approved",
            submitted_at=NOW,
        )
    # Not held by a cancelled booking: the same row in a non-holding state is accepted.
    SpaceBooking.objects.create(
        community_id=space.community_id,
        space=space,
        author=resident_a,
        date=THURSDAY,
        purpose="已取消",
        start_time=booking.start_time,
        end_time=booking.end_time,
        state="cancelled",
        submitted_at=NOW,
    )


def test_the_database_refuses_a_booking_ending_before_it_starts(space, resident_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        SpaceBooking.objects.create(
            community_id=space.community_id,
            space=space,
            author=resident_a,
            date=THURSDAY,
            purpose="跨天",
            start_time=datetime.time(22),
            end_time=datetime.time(1),
        )


REVIEW_MATRIX = [
    ("operations_a", True),
    ("coordinator_a", True),
    ("superuser", True),
    ("operations_b", False),
    ("coordinator_b", False),
    ("publicity_a", False),
    ("resident_a", False),  # the booker
    ("other_resident", False),
]


@pytest.mark.parametrize("transition", ["approve", "reject"])
@pytest.mark.parametrize(("who", "allowed"), REVIEW_MATRIX)
def test_review_permission_matrix(request, book, make_resident, transition, who, allowed):
    booking = book((9, 0), (10, 0))
    actor = (
        make_resident("13900000109", "王小红") if who == "other_resident" else request.getfixturevalue(who)
    )
    if allowed:
        booking = perform_transition(obj=booking, transition=transition, actor=actor, comment="场地另有安排")
        assert booking.state == {"approve": "approved", "reject": "rejected"}[transition]
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=booking, transition=transition, actor=actor, comment="场地另有安排")
        assert SpaceBooking.objects.get(pk=booking.pk).state == "submitted"


def test_declining_needs_a_reason_and_bookings_are_not_returned_or_withdrawn(book, operations_a):
    from workflows.exceptions import CommentRequired, UnknownTransition

    booking = book((9, 0), (10, 0))
    with pytest.raises(CommentRequired):
        perform_transition(obj=booking, transition="reject", actor=operations_a)
    for name in ("return_for_changes", "withdraw"):
        with pytest.raises(UnknownTransition):
            perform_transition(obj=booking, transition=name, actor=operations_a, comment="x")


@pytest.mark.parametrize("state_before", ["submitted", "approved"])
def test_the_booker_cancels_before_the_start_nobody_else_does(
    book, operations_a, resident_a, make_resident, state_before
):
    booking = book((9, 0), (10, 0))
    if state_before == "approved":
        booking = perform_transition(obj=booking, transition="approve", actor=operations_a)
    with pytest.raises(services.BookingRefused):
        services.cancel_booking(booking=booking, actor=make_resident("13900000109", "王小红"))
    with pytest.raises(services.BookingRefused):
        services.cancel_booking(booking=booking, actor=operations_a)
    assert services.cancel_booking(booking=booking, actor=resident_a).state == "cancelled"


def test_a_started_booking_can_no_longer_be_cancelled(book, resident_a, monkeypatch):
    booking = book((9, 0), (10, 0))
    monkeypatch.setattr(
        "participation.community_life.models.spaces.now", lambda: NOW + datetime.timedelta(days=1)
    )
    with pytest.raises(services.BookingRefused) as refusal:
        services.cancel_booking(booking=booking, actor=resident_a)
    assert "该预约已经开始，不能再取消" in " ".join(refusal.value.messages)
    assert SpaceBooking.objects.get(pk=booking.pk).state == "submitted"


# --- public pages ------------------------------------------------------------------------------------


def test_booking_needs_a_login(client, space):
    response = client.get(f"/spaces/{space.pk}/book/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_booking_form_shows_errors_and_confirms_success(client, space, resident_a):
    client.force_login(resident_a)
    url = f"/spaces/{space.pk}/book/"
    data = {
        "date": "2030-05-16",
        "start_time": "12:00",
        "end_time": "12:00",
        "purpose": "读书会",
        "attendees": 8,
    }
    response = client.post(url, data)
    content = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in content and "预约时长不能为零" in content
    assert not SpaceBooking.objects.exists()
    response = client.post(url, {**data, "start_time": "14:00", "end_time": "16:00"}, follow=True)
    assert "已提交睦邻会客厅 2030-05-16 14:00–16:00的预约申请" in response.content.decode()
    assert SpaceBooking.objects.get().state == "submitted"


def test_the_week_view_shows_taken_slots_without_names(client, book, operations_a):
    approved = perform_transition(obj=book((9, 0), (10, 0)), transition="approve", actor=operations_a)
    book((14, 0), (15, 30))
    content = client.get(f"{approved.space.get_absolute_url()}?week=2030-05-13").content.decode()
    assert "09:00–10:00" in content and "已预约" in content
    assert "14:00–15:30" in content and "待确认" in content
    assert "张小明" not in content and "张*明" not in content and "邻里茶话会" not in content
    assert "5月18日 周六" in content and "不开放" in content


def test_the_list_shows_active_spaces_and_their_hours(client, space, community_a):
    from participation.community_life.spaces.services import upsert_space

    upsert_space(community=community_a[0], name="旧活动室", kind="other")
    space.__class__.objects.filter(name="旧活动室").update(is_active=False)
    content = client.get("/spaces/wuxing/").content.decode()
    assert "睦邻会客厅" in content and "周一" in content and "09:00–12:00" in content
    assert "旧活动室" not in content


def test_my_bookings_on_my_account_with_a_cancel_button(client, book, resident_a):
    booking = book((9, 0), (10, 0))
    client.force_login(resident_a)
    content = client.get("/me/").content.decode()
    assert "我的预约" in content and f"/spaces/bookings/{booking.pk}/cancel/" in content
    response = client.post(f"/spaces/bookings/{booking.pk}/cancel/", follow=True)
    assert "预约已取消" in response.content.decode()
    assert SpaceBooking.objects.get().state == "cancelled"


def test_nobody_cancels_another_residents_booking_through_the_site(client, book, make_resident):
    booking = book((9, 0), (10, 0))
    client.force_login(make_resident("13900000109", "王小红"))
    assert client.post(f"/spaces/bookings/{booking.pk}/cancel/").status_code == 404
    assert SpaceBooking.objects.get().state == "submitted"


@pytest.mark.parametrize("count", [3, 30])
def test_space_pages_stay_within_the_query_budget(
    client, community_a, space, resident_a, count, django_assert_max_num_queries
):
    hours = tuple((day, datetime.time(8), datetime.time(22)) for day in range(7))
    for number in range(count):
        services.upsert_space(community=community_a[0], name=f"活动室{number}", kind="other", hours=hours)
        SpaceBooking.objects.create(
            community_id=space.community_id,
            space=space,
            author=resident_a,
            date=THURSDAY,
            purpose="活动",
            start_time=datetime.time(9, 0),
            end_time=datetime.time(9, 5),
            state="cancelled",
            submitted_at=NOW,
        )
    client.cookies["sessionid"] = "not-a-session"
    for url in ("/spaces/wuxing/", f"/spaces/{space.pk}/?week=2030-05-13"):
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
