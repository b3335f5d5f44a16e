"""Community life's part of 下载我的数据: clubs proposed and joined, and space bookings."""

from participation.account_registry import local_iso
from participation.community_life.models import Club, ClubMembership, SpaceBooking


def collect(*, user) -> dict:
    return {
        "clubs_proposed": [
            {
                "name": club.name,
                "state": str(club.get_state_display()),
                "created_at": local_iso(club.created_at),
            }
            for club in Club.objects.filter(author=user)
        ],
        "memberships": [
            {
                "club": membership.club.name,
                "joined_at": local_iso(membership.joined_at),
                "left_at": local_iso(membership.left_at),
            }
            for membership in ClubMembership.objects.filter(resident=user).select_related("club")
        ],
        "bookings": [
            {
                "space": booking.space.name,
                "date": local_iso(booking.date),
                "start": booking.start_time.isoformat(timespec="minutes"),
                "end": booking.end_time.isoformat(timespec="minutes"),
                "purpose": booking.purpose,
                "state": str(booking.get_state_display()),
            }
            for booking in SpaceBooking.objects.filter(author=user).select_related("space")
        ],
    }
