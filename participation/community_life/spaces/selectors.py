"""Read queries of shared spaces for the public pages, 我的 and the booking service."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from participation.community_life.models import OpeningHours, SharedSpace, SpaceBooking
from participation.community_life.models.spaces import HOLDING_STATES
from participation.models import Community, User
from workflows.models import ReviewState


def _with_hours(queryset):
    return queryset.prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens"))
    )


def active_spaces(*, community: Community) -> QuerySet[SharedSpace]:
    return _with_hours(SharedSpace.objects.filter(community=community, is_active=True)).order_by(
        "kind", "name"
    )


def space_detail(*, pk: int) -> SharedSpace | None:
    return _with_hours(SharedSpace.objects.filter(pk=pk, is_active=True).select_related("community")).first()


def overlapping_bookings(
    *, space: SharedSpace, date: datetime.date, start_time: datetime.time, end_time: datetime.time
) -> QuerySet[SpaceBooking]:
    """Requested or approved bookings of the space sharing some time with [start, end) on that date."""
    return SpaceBooking.objects.filter(
        space=space, date=date, state__in=HOLDING_STATES, start_time__lt=end_time, end_time__gt=start_time
    ).order_by("start_time")


@dataclass
class DaySchedule:
    date: datetime.date
    hours: list = field(default_factory=list)
    # (start, end, approved?) only: the public week view never names the booker.
    slots: list = field(default_factory=list)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def week_schedule(*, space: SharedSpace, monday: datetime.date) -> list[DaySchedule]:
    """Monday to Sunday: opening hours and the slots taken (approved, or requested and waiting)."""
    days = [DaySchedule(date=monday + datetime.timedelta(days=offset)) for offset in range(7)]
    for interval in space.opening_hours.all():
        days[interval.weekday].hours.append(interval)
    bookings = (
        SpaceBooking.objects.filter(
            space=space,
            state__in=HOLDING_STATES,
            date__gte=monday,
            date__lte=monday + datetime.timedelta(days=6),
        )
        .order_by("date", "start_time")
        .values_list("date", "start_time", "end_time", "state")
    )
    for date, start, end, state in bookings:
        days[(date - monday).days].slots.append((start, end, state == ReviewState.APPROVED))
    return days


def bookings_of_user(*, user: User) -> QuerySet[SpaceBooking]:
    """我的预约: the user's bookings, latest first."""
    return (
        SpaceBooking.objects.filter(author=user)
        .select_related("space", "club")
        .order_by("-date", "-start_time")
    )
