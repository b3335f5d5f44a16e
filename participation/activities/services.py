"""Writes of activity sign-up: sign up, cancel (promoting the waitlist), check in (points and hours once).

Every sign-up and cancellation locks the activity's ActivityRoster row first, so the seat count each one
sees is final until it commits: two people asking for the last seat get one confirmed, one waitlisted."""

from functools import partial

import rules
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from participation.activities import selectors
from participation.activities.models import ActivityRoster, ActivitySignup, SignupStatus, new_check_in_code
from participation.points.models import EntryKind
from participation.points.services import AlreadyRecorded, record_entry
from participation.volunteers.models import VolunteerHours
from workflows.exceptions import Forbidden, Invalid
from workflows.models import ReviewState, TransitionLog

NOTIFICATION_KIND = "activity_signup"


class SignupError(Invalid):
    """A sign-up, cancellation or check-in refused, with a message for the person who tried."""


def _lock_roster(*, activity: Page) -> ActivityRoster:
    roster = ActivityRoster.objects.select_for_update().filter(activity_id=activity.pk).first()
    if roster is not None:
        return roster
    community = selectors.community_of(activity=activity)
    if community is None:
        raise SignupError(_("This activity does not belong to a community."), code="no_community")
    try:
        with transaction.atomic():
            ActivityRoster.objects.create(activity_id=activity.pk, community=community)
    except IntegrityError:
        pass  # created meanwhile by a concurrent first sign-up: lock theirs
    return ActivityRoster.objects.select_for_update().get(activity_id=activity.pk)


def _fill_free_seats(*, roster: ActivityRoster, page) -> list[ActivitySignup]:
    """Promote the waitlist, first come first served, into the seats now free (a cancellation, a raised
    capacity). Call with the roster locked."""
    capacity = getattr(page, "capacity", None)
    waiting = ActivitySignup.objects.filter(
        activity_id=roster.activity_id, status=SignupStatus.WAITLISTED
    ).order_by("created_at", "pk")
    if capacity is not None:
        free = capacity - selectors.confirmed_count(activity=page)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for signup in promoted:
        signup.status = SignupStatus.CONFIRMED
        signup.save(update_fields=["status"])
        transaction.on_commit(partial(_notify_promoted, signup_id=signup.pk), robust=True)
    return promoted


def _notify_promoted(*, signup_id: int) -> None:
    from workflows.models import Delivery, Message
    from workflows.notifications import delivery_for, email_address
    from workflows.tasks import send_message_email

    signup = ActivitySignup.objects.select_related("resident", "activity").get(pk=signup_id)
    message = Message.objects.create(
        recipient=signup.resident,
        kind=NOTIFICATION_KIND,
        subject=_("A seat is free: you are now confirmed for “%(activity)s”")
        % {"activity": signup.activity.title},
        body=_("Someone cancelled, so you moved up from the waitlist. Your check-in code is %(code)s.")
        % {"code": signup.check_in_code},
        url=signup.activity.url or "",
    )
    delivery = delivery_for(user=signup.resident, kind=NOTIFICATION_KIND)
    if delivery == Delivery.EMAIL_IMMEDIATE and email_address(signup.resident):
        send_message_email.enqueue(message_id=message.pk)


@transaction.atomic
def sign_up(*, activity: Page, resident, now=None) -> ActivitySignup:
    """Confirm a seat, or put the resident on the waitlist when the activity is full."""
    now = now or timezone.now()
    page = activity.specific
    if not resident.is_authenticated or not resident.is_active:
        raise Forbidden
    if not selectors.signup_open(page, now=now):
        raise SignupError(_("Sign-up for this activity has closed."), code="closed")
    roster = _lock_roster(activity=page)
    if not resident.communities.filter(pk=roster.community_id).exists():
        raise SignupError(_("Only residents of this community can sign up."), code="other_community")
    if selectors.active_signup(activity=page, resident=resident) is not None:
        raise SignupError(_("You have already signed up for this activity."), code="duplicate")
    _fill_free_seats(roster=roster, page=page)
    capacity = getattr(page, "capacity", None)
    full = capacity is not None and selectors.confirmed_count(activity=page) >= capacity
    used_codes = set(
        ActivitySignup.objects.filter(activity_id=page.pk).values_list("check_in_code", flat=True)
    )
    code = new_check_in_code()
    while code in used_codes:
        code = new_check_in_code()
    return ActivitySignup.objects.create(
        activity_id=page.pk,
        community_id=roster.community_id,
        resident=resident,
        status=SignupStatus.WAITLISTED if full else SignupStatus.CONFIRMED,
        check_in_code=code,
        created_at=now,
    )


@transaction.atomic
def cancel_signup(*, signup: ActivitySignup, actor, now=None) -> ActivitySignup:
    """The resident cancels before the deadline; the first person on the waitlist takes the seat."""
    now = now or timezone.now()
    if actor.pk != signup.resident_id:
        raise Forbidden
    page = signup.activity.specific
    if not selectors.signup_open(page, now=now):
        raise SignupError(_("The sign-up deadline has passed: it can no longer be cancelled."), code="closed")
    roster = _lock_roster(activity=page)
    locked = ActivitySignup.objects.get(pk=signup.pk)
    if locked.status == SignupStatus.CANCELLED:
        raise SignupError(_("This sign-up was already cancelled."), code="already_cancelled")
    locked.status = SignupStatus.CANCELLED
    locked.cancelled_at = now
    locked.save(update_fields=["status", "cancelled_at"])
    _fill_free_seats(roster=roster, page=page)
    return locked


def may_check_in(user, signup_or_roster) -> bool:
    return rules.test_rule("activities.check_in_activity", user, signup_or_roster)


@transaction.atomic
def check_in(*, signup: ActivitySignup, staff, now=None) -> ActivitySignup:
    """Mark a confirmed sign-up attended; award the activity's points and volunteer hours exactly once."""
    now = now or timezone.now()
    if not may_check_in(staff, signup):
        raise Forbidden
    locked = ActivitySignup.objects.select_for_update().select_related("resident").get(pk=signup.pk)
    if locked.status == SignupStatus.CANCELLED:
        raise SignupError(
            _("This sign-up was cancelled: the resident cannot be checked in."), code="cancelled"
        )
    if locked.status == SignupStatus.WAITLISTED:
        raise SignupError(_("This resident is on the waitlist, not confirmed."), code="waitlisted")
    if locked.attended_at is not None:
        return locked  # ticked twice, or two staff at once: one check-in, one award
    locked.attended_at = now
    locked.checked_in_by = staff
    locked.save(update_fields=["attended_at", "checked_in_by"])
    page = locked.activity.specific
    _award(signup=locked, page=page, staff=staff, now=now)
    return locked


def _award(*, signup: ActivitySignup, page, staff, now) -> None:
    points = int(getattr(page, "points", 0) or 0)
    if points > 0:
        try:
            record_entry(
                resident=signup.resident,
                community=signup.community,
                delta=points,
                kind=EntryKind.ACTIVITY,
                reason=_("Attended “%(activity)s”") % {"activity": page.title},
                source=signup,
                actor=staff,
            )
        except AlreadyRecorded:
            pass
    hours = getattr(page, "volunteer_hours", 0) or 0
    if getattr(page, "is_volunteer_activity", False) and hours > 0 and not hasattr(signup, "volunteer_hours"):
        record = VolunteerHours.objects.create(
            community=signup.community,
            author=signup.resident,
            state=ReviewState.APPROVED,
            submitted_at=now,
            date=timezone.localdate(page.starts_at),
            hours=hours,
            description=page.title[:200],
            signup=signup,
        )
        # The check-in is the approval: log it like any other transition, with the staff member as actor.
        TransitionLog.objects.create(
            content_object=record,
            actor=staff,
            transition="approve",
            from_state=ReviewState.DRAFT,
            to_state=ReviewState.APPROVED,
            comment=_("Approved automatically on check-in at the activity."),
        )


def check_in_by_code(*, activity: Page, code: str, staff, now=None) -> ActivitySignup:
    code = (code or "").strip()
    signup = (
        ActivitySignup.objects.filter(activity_id=activity.pk, check_in_code=code)
        .exclude(status=SignupStatus.CANCELLED)
        .first()
    )
    if signup is None:
        raise SignupError(_("No sign-up for this activity has this check-in code."), code="unknown_code")
    return check_in(signup=signup, staff=staff, now=now)


def check_in_resident(*, activity: Page, resident, staff, now=None) -> ActivitySignup:
    signup = selectors.active_signup(activity=activity, resident=resident)
    if signup is None:
        raise SignupError(_("This resident did not sign up for this activity."), code="not_signed_up")
    return check_in(signup=signup, staff=staff, now=now)
