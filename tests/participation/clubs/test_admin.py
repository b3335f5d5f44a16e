"""The admin of community life: clubs and bookings reviewed in the staff member's own community only."""

import datetime

import pytest

from participation.community_life.models import Club, SpaceBooking
from participation.community_life.spaces.services import upsert_space

pytestmark = pytest.mark.django_db


def test_operations_review_clubs_of_their_community_in_the_admin(
    client, make_club, operations_a, resident_b, community_b
):
    own = make_club("submitted", name="书法社")
    other = make_club("submitted", name="舞龙队", author=resident_b, community=community_b[0])
    client.force_login(operations_a)
    listing = client.get("/admin/community_clubs/").content.decode()
    assert "书法社" in listing and "舞龙队" not in listing
    response = client.post(
        f"/admin/community_clubs/{own.pk}/transition/approve/", {"seen_state": "submitted"}
    )
    assert response.status_code == 302
    assert Club.objects.get(pk=own.pk).state == "approved"
    assert (
        client.post(
            f"/admin/community_clubs/{other.pk}/transition/approve/", {"seen_state": "submitted"}
        ).status_code
        == 404
    )
    assert Club.objects.get(pk=other.pk).state == "submitted"
    # Residents propose clubs; the admin has no "add".
    assert client.get("/admin/community_clubs/new/").status_code in (302, 403)


def test_the_club_admin_form_offers_leaders_of_the_clubs_community_only(
    client, make_club, operations_a, resident_b
):
    club = make_club("submitted")
    client.force_login(operations_a)
    content = client.get(f"/admin/community_clubs/edit/{club.pk}/").content.decode()
    assert "张小明" in content and "李秀英" not in content


def test_coordinators_decline_a_booking_with_a_reason_in_the_admin(
    client, community_a, coordinator_a, resident_a, monkeypatch
):
    space = upsert_space(community=community_a[0], name="居民议事厅", kind="deliberation_hall")
    booking = SpaceBooking.objects.create(
        community=community_a[0],
        space=space,
        author=resident_a,
        date=datetime.date(2030, 5, 16),
        purpose="议事",
        start_time=datetime.time(9),
        end_time=datetime.time(10),
        state="submitted",
        submitted_at=datetime.datetime(2030, 5, 1, tzinfo=datetime.UTC),
    )
    client.force_login(coordinator_a)
    url = f"/admin/community_space_bookings/{booking.pk}/transition/reject/"
    client.post(url, {"seen_state": "submitted", "comment": ""})
    assert SpaceBooking.objects.get().state == "submitted"  # a reason is required
    client.post(url, {"seen_state": "submitted", "comment": "当天用于换届选举"})
    assert SpaceBooking.objects.get().state == "rejected"
