"""The indicators' inputs come from the participation registries and flows, by aggregate queries."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from evaluation.figures import collect_inputs
from evaluation.indicators import compute_all
from participation.registries.models import Facility, FacilityType, SocialOrganisation, SocialWorker
from participation.topics.models import DeliberationMeeting, MeetingStatus
from participation.volunteers.models import Volunteer

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")
AS_OF = date(2026, 11, 20)


def meeting(community, when, status=MeetingStatus.HELD):
    return DeliberationMeeting.objects.create(
        community=community,
        title="议事会",
        starts_at=when,
        place="人人议事厅",
        host="书记",
        status=status,
        attendees_count=20 if status == MeetingStatus.HELD else None,
    )


def test_meetings_per_month_count_only_held_meetings_in_the_window(community_a):
    community = community_a[0]
    meeting(community, datetime(2026, 11, 5, 19, tzinfo=TZ))
    meeting(community, datetime(2026, 11, 19, 19, tzinfo=TZ))
    meeting(community, datetime(2026, 10, 8, 19, tzinfo=TZ), status=MeetingStatus.CANCELLED)
    meeting(community, datetime(2025, 12, 1, 19, tzinfo=TZ))  # the window's first month
    meeting(community, datetime(2025, 11, 30, 19, tzinfo=TZ))  # just before the window
    months = collect_inputs(community=community, as_of=AS_OF).meetings_per_month
    assert months == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]


def test_registries_feed_organisations_workers_facilities_and_waste(community_a):
    community = community_a[0]
    for number in range(3):
        SocialOrganisation.objects.create(
            community=community,
            name=f"组织{number}",
            org_type="service",
            status="registered",
            registered_on=date(2026, 1, 1),
        )
    SocialOrganisation.objects.create(
        community=community,
        name="将来备案",
        org_type="service",
        status="filed",
        registered_on=date(2026, 12, 1),
    )
    SocialOrganisation.objects.create(
        community=community, name="已注销", org_type="service", status="registered", is_active=False
    )
    SocialWorker.objects.create(community=community, name="社工甲", mobile="13700000001")
    SocialWorker.objects.create(community=community, name="社工乙", mobile="13700000002", is_active=False)
    Facility.objects.create(
        community=community,
        name="党群服务中心",
        facility_type=FacilityType.SERVICE_CENTRE,
        area=Decimal("1000"),
        is_service_space=False,
    )
    Facility.objects.create(
        community=community,
        name="睦邻会客厅",
        facility_type=FacilityType.SERVICE_CENTRE,
        area=Decimal("800"),
        is_service_space=True,
    )
    Facility.objects.create(
        community=community,
        name="垃圾分类房1",
        facility_type=FacilityType.WASTE_SORTING,
        area=Decimal("10"),
        is_waste_sorting=True,
        is_completed=True,
    )
    Facility.objects.create(
        community=community,
        name="垃圾分类房2",
        facility_type=FacilityType.WASTE_SORTING,
        area=Decimal("10"),
        is_waste_sorting=True,
        is_completed=False,
    )
    inputs = collect_inputs(community=community, as_of=AS_OF)
    assert inputs.social_organisations == 3
    assert inputs.social_workers == 1
    assert (inputs.facility_area_m2, inputs.service_space_area_m2) == (Decimal("1800"), Decimal("800"))
    assert (inputs.waste_facilities_total, inputs.waste_facilities_completed) == (2, 1)
    by_number = {indicator.number: indicator for indicator in compute_all(inputs)}
    assert by_number[7].status == "not_met"  # waste sorting 50 % < 100 %


def test_volunteers_are_active_registrations(community_a, resident_a):
    Volunteer.objects.create(resident=resident_a, community=community_a[0])
    assert collect_inputs(community=community_a[0], as_of=date.today()).volunteers == 1
