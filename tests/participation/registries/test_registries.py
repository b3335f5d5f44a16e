"""Registries: the figures the indicators need, the admin scoped per community, bad input refused."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from participation.registries import selectors
from participation.registries.models import Facility, FacilityType, SocialOrganisation, SocialWorker
from participation.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


def org(community, name, org_type="service", active=True):
    return SocialOrganisation.objects.create(
        community=community,
        name=name,
        org_type=org_type,
        status="filed",
        registered_on=date(2024, 3, 1),
        is_active=active,
    )


def test_social_organisation_counts(community_a, community_b):
    a = community_a[0]
    org(a, "夕阳红服务社")
    org(a, "邻里互助会", "mutual_aid")
    org(a, "爱心公益队", "welfare")
    org(a, "已解散的组织", active=False)
    org(community_b[0], "别村的组织")
    assert selectors.social_organisation_counts(community=a) == {
        "total": 3,
        "service": 1,
        "mutual_aid": 1,
        "welfare": 1,
    }
    assert selectors.social_organisation_count(community=a) == 3


def test_social_worker_counts(community_a):
    a = community_a[0]
    SocialWorker.objects.create(
        community=a, name="王芳", mobile="13700000001", certificate="assistant", certified_on=date(2022, 6, 1)
    )
    SocialWorker.objects.create(community=a, name="刘强", mobile="13700000002")
    SocialWorker.objects.create(community=a, name="离职者", mobile="13700000003", is_active=False)
    assert selectors.social_worker_counts(community=a) == {"total": 2, "certified": 1}


def test_a_certificate_date_needs_a_certificate(community_a):
    worker = SocialWorker(
        community=community_a[0], name="王芳", mobile="13700000001", certified_on=date(2022, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        worker.full_clean()
    assert "没有职业资格就不能填写取证日期。" in str(error.value)


def test_facility_figures(community_a):
    a = community_a[0]
    centre = FacilityType.SERVICE_CENTRE
    Facility.objects.create(
        community=a, name="党群服务中心", facility_type=centre, area=Decimal("800"), is_service_space=True
    )
    Facility.objects.create(community=a, name="办公用房", facility_type=centre, area=Decimal("200"))
    Facility.objects.create(
        community=a,
        name="垃圾分类房1",
        facility_type="waste_sorting",
        area=Decimal("12.5"),
        is_waste_sorting=True,
        is_completed=True,
    )
    Facility.objects.create(
        community=a,
        name="垃圾分类房2",
        facility_type="waste_sorting",
        area=Decimal("10"),
        is_waste_sorting=True,
        is_completed=False,
    )
    figures = selectors.facility_figures(community=a)
    assert figures == {
        "total_area": Decimal("1022.50"),
        "service_facility_area": Decimal("1000"),
        "service_space_area": Decimal("800"),
        "waste_sorting_total": 2,
        "waste_sorting_completed": 1,
    }


def test_figures_of_an_empty_community_are_zero(community_b):
    figures = selectors.facility_figures(community=community_b[0])
    assert figures["service_facility_area"] == 0 and figures["waste_sorting_total"] == 0


def test_negative_area_is_refused_in_the_admin(client, operations_a, community_a):
    client.force_login(operations_a)
    response = client.post(
        "/admin/facilities/new/",
        {
            "community": community_a[0].pk,
            "name": "活动室",
            "facility_type": "activity_space",
            "area": "-5",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "面积必须大于 0 平方米。" in response.content.decode()
    assert not Facility.objects.exists()


def test_admin_lists_are_scoped_to_the_staff_members_community(
    client, operations_a, community_a, community_b
):
    org(community_a[0], "夕阳红服务社")
    other = org(community_b[0], "别村的组织")
    client.force_login(operations_a)
    html = client.get("/admin/social_organisations/").content.decode()
    assert "夕阳红服务社" in html and "别村的组织" not in html
    assert client.get(f"/admin/social_organisations/edit/{other.pk}/").status_code in (302, 403)  # refused
    # The community choice offers only their own community.
    html = client.get("/admin/social_organisations/new/").content.decode()
    assert "五星社区" in html and "新民村" not in html


def test_admin_creates_a_social_organisation(client, operations_a, community_a):
    client.force_login(operations_a)
    response = client.post(
        "/admin/social_organisations/new/",
        {
            "community": community_a[0].pk,
            "name": "夕阳红服务社",
            "org_type": "service",
            "status": "registered",
            "registered_on": "2024-03-01",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert SocialOrganisation.objects.get().get_org_type_display() == "服务类"


def test_residents_and_publicity_have_no_registry_admin(client, resident_a, publicity_a):
    for user in (resident_a, publicity_a):
        client.force_login(user)
        assert client.get("/admin/facilities/").status_code in (302, 403)
