"""Read queries of volunteers: the indicator's count, a resident's registration and hours."""

from decimal import Decimal

from django.db.models import QuerySet, Sum

from participation.models import Community
from participation.volunteers.models import Volunteer, VolunteerHours
from workflows.models import ReviewState


def active_volunteer_count(*, community: Community) -> int:
    """Residents who count as volunteers: registered, registration active, account active (task 11:
    ≥ 20 % of the community's resident_population)."""
    return Volunteer.objects.filter(community=community, is_active=True, resident__is_active=True).count()


def volunteer_for(*, resident) -> Volunteer | None:
    if not resident.is_authenticated:
        return None
    return Volunteer.objects.filter(resident=resident).first()


def approved_hours(*, resident=None, community: Community | None = None) -> Decimal:
    """Hours that count: approved ones only."""
    hours = VolunteerHours.objects.filter(state=ReviewState.APPROVED)
    if resident is not None:
        hours = hours.filter(author=resident)
    if community is not None:
        hours = hours.filter(community=community)
    return hours.aggregate(total=Sum("hours"))["total"] or Decimal("0")


def hours_of(*, resident) -> QuerySet[VolunteerHours]:
    return VolunteerHours.objects.filter(author=resident).order_by("-date", "-pk")
