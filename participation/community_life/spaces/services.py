"""Every write about shared spaces a user can cause: requesting and cancelling bookings (staff approve or
decline through the workflow admin). Each is one transaction."""

import datetime

import rules
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.community_life.models import Club, SharedSpace, SpaceBooking
from participation.community_life.models import spaces as space_models
from participation.community_life.spaces import selectors
from participation.models import User
from workflows.exceptions import Forbidden, Invalid, WorkflowError
from workflows.models import ReviewState
from workflows.services import perform_transition

# How far ahead a slot may be booked: the community plans its rooms by the month.
MAX_DAYS_AHEAD = 60
NO_OVERLAP_CONSTRAINT = "space_booking_no_overlap"


class BookingRefused(Invalid):
    """Bad input or a taken slot, with a message fit for the resident."""


def _hours_text(intervals) -> str:
    return "、".join(f"{i.opens:%H:%M}–{i.closes:%H:%M}" for i in intervals)


def check_slot(
    *, space: SharedSpace, date: datetime.date, start_time: datetime.time, end_time: datetime.time, now=None
) -> None:
    """Raise BookingRefused unless the slot is a positive stretch of one day, in the future, within the
    space's opening hours on that weekday and not too far ahead. Overlaps are checked in request_booking."""
    now = now or space_models.now()
    if end_time == start_time:
        raise BookingRefused(
            _("A booking cannot be of zero length: choose an end time after the start time."),
            code="zero_length",
        )
    if end_time < start_time:
        raise BookingRefused(
            _("The end time is before the start time: a booking must end on the same day, before midnight."),
            code="across_midnight",
        )
    starts_at = timezone.make_aware(datetime.datetime.combine(date, start_time))
    if starts_at <= now:
        raise BookingRefused(_("This time has already passed: choose a time in the future."), code="past")
    if date > timezone.localdate(now) + datetime.timedelta(days=MAX_DAYS_AHEAD):
        raise BookingRefused(
            _("Bookings can be made at most %(days)s days ahead."),
            code="too_far",
            params={"days": MAX_DAYS_AHEAD},
        )
    intervals = [i for i in space.opening_hours.all() if i.weekday == date.weekday()]
    if not any(i.opens <= start_time and end_time <= i.closes for i in intervals):
        weekday = space_models.Weekday(date.weekday()).label
        if not intervals:
            raise BookingRefused(
                _("The space is closed on %(weekday)s."), code="closed", params={"weekday": weekday}
            )
        raise BookingRefused(
            _("The space is not open for all of this time. Opening hours on %(weekday)s: %(hours)s."),
            code="outside_hours",
            params={"weekday": weekday, "hours": _hours_text(intervals)},
        )


def _check_club(*, club: Club | None, booker: User, space: SharedSpace) -> None:
    if club is None:
        return
    if (
        club.leader_id != booker.pk
        or club.community_id != space.community_id
        or club.state != ReviewState.APPROVED
    ):
        raise BookingRefused(
            _("Only the leader of an approved club of this community may book for it."), code="club"
        )


def request_booking(
    *,
    booker: User,
    space: SharedSpace,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    purpose: str,
    attendees: int = 1,
    club: Club | None = None,
    now=None,
) -> SpaceBooking:
    """Request a slot; it waits for the operations or coordination group. Nothing is saved on refusal.

    The overlap check below reads the space's holding bookings in this transaction; two requests at the same
    moment may both pass it, and then PostgreSQL's exclusion constraint lets only the first one commit."""
    if not rules.has_perm("community_life.book_space", booker, space):
        raise Forbidden
    check_slot(space=space, date=date, start_time=start_time, end_time=end_time, now=now)
    if space.capacity is not None and attendees > space.capacity:
        raise BookingRefused(
            _("The space holds at most %(capacity)s people."),
            code="capacity",
            params={"capacity": space.capacity},
        )
    _check_club(club=club, booker=booker, space=space)
    try:
        with transaction.atomic():
            clash = selectors.overlapping_bookings(
                space=space, date=date, start_time=start_time, end_time=end_time
            ).first()
            if clash is not None:
                raise BookingRefused(
                    _(
                        "This time overlaps another booking of the space (%(start)s–%(end)s). Choose another time."
                    ),
                    code="overlap",
                    params={"start": f"{clash.start_time:%H:%M}", "end": f"{clash.end_time:%H:%M}"},
                )
            booking = SpaceBooking.objects.create(
                community_id=space.community_id,
                space=space,
                author=booker,
                date=date,
                start_time=start_time,
                end_time=end_time,
                purpose=purpose.strip(),
                attendees=attendees,
                club=club,
            )
            return perform_transition(obj=booking, transition="submit", actor=booker)
    except IntegrityError as error:
        if NO_OVERLAP_CONSTRAINT in str(error):
            raise BookingRefused(
                _("This time has just been booked by someone else. Choose another time."), code="overlap"
            ) from None
        raise


def cancel_booking(*, booking: SpaceBooking, actor: User, now=None) -> SpaceBooking:
    """The booker cancels a requested or approved booking that has not started yet."""
    now = now or space_models.now()
    if booking.user_is_author(actor) and booking.starts_at <= now:
        raise BookingRefused(
            _("This booking has already started and can no longer be cancelled."), code="started"
        )
    try:
        return perform_transition(obj=booking, transition="cancel", actor=actor)
    except WorkflowError as error:
        raise BookingRefused(str(error), code="workflow") from None


@transaction.atomic
def upsert_space(
    *,
    community,
    name: str,
    kind: str,
    capacity: int | None = None,
    location: str = "",
    description: str = "",
    hours: tuple[tuple[int, datetime.time, datetime.time], ...] = (),
) -> SharedSpace:
    """A space keyed by (community, name) with its weekly opening hours (weekday, opens, closes); running it
    again updates rather than duplicates. For seeding and imports; staff otherwise use the admin."""
    space, _created = SharedSpace.objects.update_or_create(
        community=community,
        name=name,
        defaults={"kind": kind, "capacity": capacity, "location": location, "description": description},
    )
    space.opening_hours.all().delete()
    space_models.OpeningHours.objects.bulk_create(
        [
            space_models.OpeningHours(space=space, weekday=day, opens=opens, closes=closes)
            for day, opens, closes in hours
        ]
    )
    return space
