"""The database side of the indicators: `collect_inputs` gathers one community's `IndicatorInputs` with
aggregate queries (never a loop over residents or ledger entries).

Each source — meetings, social organisations, volunteers, facilities, social workers, 解忧铺 ratings — has one
small function below; its docstring says what it computes. The registries record the present state, so "on
`as_of`" means as registered now (organisations also by their registration date)."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from evaluation.indicators import IndicatorInputs, month_starts, period_start
from evaluation.models import SurveyKind, SurveyResponse
from participation.help.models import HelpRequest
from participation.help.selectors import overdue_q
from participation.models import Community
from participation.registries.models import Facility, FacilityType, SocialOrganisation, SocialWorker
from participation.topics.models import DeliberationMeeting, MeetingStatus
from participation.volunteers.models import Volunteer


def window_bounds(as_of: date) -> tuple[datetime, datetime]:
    """[start, end) as aware datetimes: the first day of the 12-month window to the end of `as_of`."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(period_start(as_of), time.min, tzinfo=tz)
    end = datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


# --- sources on this branch ------------------------------------------------------------------------------


def survey_counts(*, community: Community, as_of: date) -> dict[str, int]:
    """Responses of the two surveys submitted in the 12-month window, in one aggregate query (remembered on the
    community object, since a page asks for them twice)."""
    remembered = getattr(community, "_indicator_survey_counts", {})
    if as_of not in remembered:
        remembered[as_of] = _survey_counts(community=community, as_of=as_of)
        community._indicator_survey_counts = remembered
    return remembered[as_of]


def _survey_counts(*, community: Community, as_of: date) -> dict[str, int]:
    start, end = window_bounds(as_of)
    awareness = Q(kind=SurveyKind.AWARENESS)
    satisfied = Q(kind=SurveyKind.SATISFACTION)
    return SurveyResponse.objects.filter(
        community=community, submitted_at__gte=start, submitted_at__lt=end
    ).aggregate(
        awareness_total=Count("pk", filter=awareness),
        awareness_passed=Count("pk", filter=awareness & Q(positive=True)),
        satisfaction_total=Count("pk", filter=satisfied),
        satisfaction_positive=Count("pk", filter=satisfied & Q(positive=True)),
    )


# --- sources of the participation flows: the lead engineer fills these in after merging ------------------


def meetings_per_month(*, community: Community, as_of: date) -> list[int] | None:
    """议事会 per month (indicator 1, task 1).

    Must return 12 ints, oldest month first: for each calendar month of the window
    `indicators.month_starts(as_of)` (the month of `as_of` last), the number of the community's
    `DeliberationMeeting`s held (their date) in that month, counting only meetings that took place (not
    cancelled ones) and none after `as_of`. One query: filter community and date in
    [period_start(as_of), as_of], `TruncMonth("date")`, `Count`, then fill the months without meetings with 0."""
    # One grouped query over all the community's months (a few hundred rows at most); a community that never
    # recorded a meeting here has no data, rather than twelve months without one.
    start, end = window_bounds(as_of)
    rows = (
        DeliberationMeeting.objects.filter(community=community)
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(
            held=Count("pk", filter=Q(status=MeetingStatus.HELD, starts_at__gte=start, starts_at__lt=end))
        )
    )
    by_month = {(row["month"].year, row["month"].month): row["held"] for row in rows}
    if not by_month:
        return None
    return [by_month.get((month.year, month.month), 0) for month in month_starts(as_of)]


def social_organisation_count(*, community: Community, as_of: date) -> int | None:
    """社区登记备案的社会组织 (indicator 2, task 6).

    Must return the number of the community's registered social organisations on `as_of`: registered (备案)
    on or before `as_of` and not deregistered by then. One `count()`."""
    return _counted(SocialOrganisation.objects.filter(community=community).aggregate(**_organisations(as_of)))


def _organisations(as_of: date) -> dict:
    return {
        "recorded": Count("pk"),
        "counted": Count(
            "pk", filter=Q(is_active=True) & (Q(registered_on__isnull=True) | Q(registered_on__lte=as_of))
        ),
    }


def _counted(counts: dict) -> int | None:
    # An empty registry is "no data", not "zero organisations / volunteers / social workers".
    return (counts["counted"] or 0) if counts["recorded"] else None


def volunteer_count(*, community: Community, as_of: date) -> int | None:
    """居民志愿者人数 (indicator 4, task 11).

    Must return the number of distinct residents of the community registered as volunteers on `as_of`
    (registration approved on or before `as_of`, not withdrawn by then). One `count()` of distinct people."""
    return _counted(Volunteer.objects.filter(community=community).aggregate(**_volunteers(as_of)))


def _volunteers(as_of: date) -> dict:
    _start, end = window_bounds(as_of)
    return {
        "recorded": Count("pk"),
        "counted": Count("pk", filter=Q(is_active=True, resident__is_active=True, registered_at__lt=end)),
    }


FACILITY_FIGURES = "_indicator_facility_figures"


def _facility_figures(*, community: Community) -> dict:
    """One aggregate query for indicators 5–7, remembered per community for the rest of the request."""
    figures = getattr(community, FACILITY_FIGURES, None)
    if figures is None:
        figures = Facility.objects.filter(community=community).aggregate(**_facilities())
        setattr(community, FACILITY_FIGURES, figures)
    return figures


def _facilities() -> dict:
    centre = Q(is_active=True, facility_type=FacilityType.SERVICE_CENTRE)
    waste = Q(is_active=True, is_waste_sorting=True)
    return {
        "centres": Count("pk", filter=centre),
        "centre_area": Sum("area", filter=centre),
        "service_space_area": Sum("area", filter=centre & Q(is_service_space=True)),
        "waste_total": Count("pk", filter=waste),
        "waste_completed": Count("pk", filter=waste & Q(is_completed=True)),
    }


def facility_areas(*, community: Community, as_of: date) -> tuple[Decimal | None, Decimal | None]:
    """社区综合服务设施面积 and its 居民服务和活动空间 (indicators 5 and 6, task 13).

    Must return (total floor area in m² of the community's comprehensive service facilities in use on
    `as_of`, the part of that area used for resident services and activities), each a Decimal, by one
    aggregate `Sum` with a filter for the second; (None, None) when the community has no facility recorded."""
    figures = _facility_figures(community=community)
    if not figures["centres"]:
        return None, None
    return figures["centre_area"] or Decimal("0"), figures["service_space_area"] or Decimal("0")


def waste_facilities(*, community: Community, as_of: date) -> tuple[int | None, int | None]:
    """生活垃圾收集房、分装桶等分类设施建成率 (indicator 7, task 17).

    Must return (number of waste-sorting facilities planned for the community, number of those completed on
    or before `as_of`) from the facilities registry (type = waste sorting), in one aggregate query;
    (None, None) when none is recorded."""
    figures = _facility_figures(community=community)
    if not figures["waste_total"]:
        return None, None
    return figures["waste_total"], figures["waste_completed"]


def social_worker_count(*, community: Community, as_of: date) -> int | None:
    """社区工作者 (indicator 8, task 19).

    Must return the number of social workers on the community's roster on `as_of` (started on or before it,
    not left by then). One `count()`."""
    return _counted(SocialWorker.objects.filter(community=community).aggregate(**_social_workers()))


def _social_workers() -> dict:
    return {"recorded": Count("pk"), "counted": Count("pk", filter=Q(is_active=True))}


def _registries(*, community: Community, as_of: date) -> dict[str, dict]:
    """The registries' figures above (organisations, volunteers, facilities, social workers) in one query: a
    scalar subquery per figure, the same aggregates as the functions use. A page shows all indicators at once;
    four queries of a single row each were a third of its query budget."""
    sources = {
        "organisations": (SocialOrganisation, _organisations(as_of)),
        "volunteers": (Volunteer, _volunteers(as_of)),
        "facilities": (Facility, _facilities()),
        "social_workers": (SocialWorker, _social_workers()),
    }
    annotations = {
        f"{source}__{name}": Subquery(
            model.objects.filter(community=OuterRef("pk"))
            .order_by()
            .values("community")
            .annotate(value=aggregate)
            .values("value")[:1]
        )
        for source, (model, aggregates) in sources.items()
        for name, aggregate in aggregates.items()
    }
    row = Community.objects.filter(pk=community.pk).values(**annotations).get()
    figures = {source: {} for source in sources}
    for column, value in row.items():
        source, name = column.split("__")
        # No row in a registry: no group, so NULL: a count of 0.
        figures[source][name] = (
            0 if value is None and name not in ("centre_area", "service_space_area") else value
        )
    return figures


def help_request_satisfaction(*, community: Community, as_of: date) -> tuple[int, int] | None:
    """解忧铺 ratings in the 12-month window (indicator 9, task 19, together with the questionnaire).

    Must return (number of the community's help requests closed in [period_start(as_of), as_of] whose
    resident rating is 4 or 5, number of those closed in the window with a rating at all). One aggregate query
    with two filtered `Count`s. Unrated requests count in neither."""
    start, end = window_bounds(as_of)
    rated = HelpRequest.objects.filter(
        community=community, closed_at__gte=start, closed_at__lt=end, rating__isnull=False
    ).aggregate(positive=Count("pk", filter=Q(rating__gte=4)), total=Count("pk"))
    return rated["positive"], rated["total"]


def overdue_help_requests(*, community: Community, now: datetime | None = None) -> list:
    """Overdue 解忧铺 requests for the dashboard.

    Must return the community's open help requests (not resolved or closed) whose deadline (or response time
    limit) passed before `now`, oldest first, at most 10, each with `str()` and `get_admin_url` or an admin
    URL the dashboard template can link to."""
    return list(
        HelpRequest.objects.filter(community=community)
        .filter(overdue_q(now=now))
        .order_by("submitted_at")[:10]
    )


#: Admin listing behind each indicator, as (URL name, kwargs) or None (staff only see their communities).
def record_links(*, community: Community) -> dict[str, tuple[str, dict] | None]:
    return {
        "meetings": ("deliberation_meetings:index", {}),
        "social_organisations": ("social_organisations:index", {}),
        "awareness": ("self_evaluation:surveys", {"community_id": community.pk}),
        "volunteers": ("volunteers:index", {}),
        "facility_area": ("facilities:index", {}),
        "service_space_share": ("facilities:index", {}),
        "waste_facilities": ("facilities:index", {}),
        "social_workers": ("social_workers:index", {}),
        "satisfaction": ("self_evaluation:surveys", {"community_id": community.pk}),
    }


def collect_inputs(*, community: Community, as_of: date) -> IndicatorInputs:
    surveys = survey_counts(community=community, as_of=as_of)
    registries = _registries(community=community, as_of=as_of)
    setattr(community, FACILITY_FIGURES, registries["facilities"])  # read by the two functions below
    facility_total, service_space = facility_areas(community=community, as_of=as_of)
    waste_total, waste_completed = waste_facilities(community=community, as_of=as_of)
    satisfaction_positive = surveys["satisfaction_positive"]
    satisfaction_total = surveys["satisfaction_total"]
    ratings = help_request_satisfaction(community=community, as_of=as_of)
    if ratings is not None:
        satisfaction_positive += ratings[0]
        satisfaction_total += ratings[1]
    return IndicatorInputs(
        as_of=as_of,
        kind=community.kind,
        # Community fields default to 0 when nobody entered them: 0 residents is "no data", not a figure.
        resident_population=community.resident_population or None,
        households=community.households or None,
        meetings_per_month=meetings_per_month(community=community, as_of=as_of),
        social_organisations=_counted(registries["organisations"]),
        awareness_correct=surveys["awareness_passed"],
        awareness_total=surveys["awareness_total"],
        volunteers=_counted(registries["volunteers"]),
        facility_area_m2=facility_total,
        service_space_area_m2=service_space,
        waste_facilities_total=waste_total,
        waste_facilities_completed=waste_completed,
        social_workers=_counted(registries["social_workers"]),
        satisfaction_positive=satisfaction_positive,
        satisfaction_total=satisfaction_total,
    )
