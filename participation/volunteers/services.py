"""Writes of volunteers: registration, withdrawal, logging hours (reviewed by the operations group)."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.volunteers.models import MAX_HOURS_PER_DAY, Volunteer, VolunteerHours
from workflows.exceptions import Forbidden, Invalid
from workflows.services import perform_transition


def _home_community(resident):
    community = resident.communities.order_by("pk").first()
    if community is None:
        raise Invalid(_("Only residents of a community can register as volunteers."), code="no_community")
    return community


@transaction.atomic
def register_volunteer(
    *, resident, skills: str, availability: str, agreed_to_code: bool, now=None
) -> Volunteer:
    """Register (or re-activate) the resident as a volunteer of their community."""
    if not resident.is_authenticated or not resident.is_active:
        raise Forbidden
    if not agreed_to_code:
        raise Invalid(_("Please agree to the volunteer code to register."), code="code_not_agreed")
    now = now or timezone.now()
    existing = Volunteer.objects.select_for_update().filter(resident=resident).first()
    if existing is not None and existing.is_active:
        raise Invalid(_("You are already registered as a volunteer."), code="duplicate")
    volunteer = existing or Volunteer(resident=resident, community=_home_community(resident))
    volunteer.skills = skills.strip()
    volunteer.availability = availability.strip()
    volunteer.agreed_code_at = now
    volunteer.is_active = True
    volunteer.save()
    return volunteer


@transaction.atomic
def withdraw_volunteer(*, volunteer: Volunteer, actor) -> Volunteer:
    """The volunteer leaves; their approved hours stay on record."""
    if actor.pk != volunteer.resident_id:
        raise Forbidden
    volunteer.is_active = False
    volunteer.save(update_fields=["is_active"])
    return volunteer


def validate_hours(*, hours: Decimal, date: datetime.date, today: datetime.date) -> None:
    errors = {}
    if hours is None or hours <= 0 or hours > MAX_HOURS_PER_DAY:
        errors["hours"] = _("Hours must be more than 0 and at most 24.")
    if date > today:
        errors["date"] = _("The date cannot be in the future.")
    if errors:
        raise Invalid(errors)


@transaction.atomic
def log_hours(
    *, resident, date: datetime.date, hours: Decimal, description: str, today: datetime.date | None = None
) -> VolunteerHours:
    """A volunteer logs hours they served; they count once the operations group approves them."""
    volunteer = Volunteer.objects.filter(resident=resident, is_active=True).first()
    if volunteer is None:
        raise Invalid(_("Register as a volunteer before logging hours."), code="not_volunteer")
    validate_hours(hours=hours, date=date, today=today or timezone.localdate())
    if not description.strip():
        raise Invalid({"description": _("Say briefly what you did.")})
    record = VolunteerHours.objects.create(
        community=volunteer.community,
        author=resident,
        date=date,
        hours=hours,
        description=description.strip(),
    )
    return perform_transition(obj=record, transition="submit", actor=resident)
