"""Raw figures of the registries for the indicators (表1 tasks 6, 13, 17, 19): one aggregate query each."""

from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from participation.models import Community
from participation.registries.models import (
    Certificate,
    Facility,
    FacilityType,
    SocialOrganisation,
    SocialWorker,
)


def social_organisation_counts(*, community: Community) -> dict[str, int]:
    """Active social organisations: the total (task 6: ≥ 10, 村 ≥ 5) and per type."""
    active = SocialOrganisation.objects.filter(community=community, is_active=True)
    per_type = dict(active.values_list("org_type").annotate(n=Count("pk")).order_by())
    return {"total": sum(per_type.values()), **per_type}


def social_organisation_count(*, community: Community) -> int:
    return SocialOrganisation.objects.filter(community=community, is_active=True).count()


def social_worker_counts(*, community: Community) -> dict[str, int]:
    """Active social workers (task 19: ≥ 18 per 10,000 residents) and how many hold a certificate."""
    return SocialWorker.objects.filter(community=community, is_active=True).aggregate(
        total=Count("pk"),
        certified=Count("pk", filter=~Q(certificate=Certificate.NONE)),
    )


def facility_figures(*, community: Community) -> dict:
    """Areas for task 13 (service facility per 100 households, ≥ 70 % of it resident service space) and the
    waste-sorting facilities for task 17 (completion rate 100 %)."""
    active = Facility.objects.filter(community=community, is_active=True)
    centre = Q(facility_type=FacilityType.SERVICE_CENTRE)
    figures = active.aggregate(
        total_area=Sum("area"),
        service_facility_area=Sum("area", filter=centre),
        service_space_area=Sum("area", filter=centre & Q(is_service_space=True)),
        waste_sorting_total=Count("pk", filter=Q(is_waste_sorting=True)),
        waste_sorting_completed=Count("pk", filter=Q(is_waste_sorting=True, is_completed=True)),
    )
    for key in ("total_area", "service_facility_area", "service_space_area"):
        figures[key] = figures[key] or Decimal("0")
    return figures


def social_organisations(*, community_ids: set[int] | None) -> QuerySet[SocialOrganisation]:
    qs = SocialOrganisation.objects.select_related("community")
    return qs if community_ids is None else qs.filter(community_id__in=community_ids)
