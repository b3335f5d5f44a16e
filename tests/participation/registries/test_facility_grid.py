"""Facilities belong to a grid of their own community (一网格一阵地); the admin shows and filters by grid."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from participation.models import Grid
from participation.registries.models import Facility
from participation.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def grids(community_a, community_b):
    return (
        Grid.objects.create(community=community_a[0], name="第一网格"),
        Grid.objects.create(community=community_a[0], name="第二网格"),
        Grid.objects.create(community=community_b[0], name="村东网格"),
    )


def test_a_grid_of_another_community_is_refused_by_the_model(community_a, grids):
    facility = Facility(
        community=community_a[0],
        grid=grids[2],
        name="垃圾分类房",
        facility_type="waste_sorting",
        area=Decimal("10"),
    )
    with pytest.raises(ValidationError) as error:
        facility.full_clean()
    assert error.value.message_dict["grid"] == ["该网格属于其他社区。"]


def test_the_admin_form_refuses_another_communitys_grid(client, operations_a, community_a, grids):
    client.force_login(operations_a)
    form = client.get("/admin/facilities/new/").content.decode()
    assert "第一网格" in form and "村东网格" not in form
    response = client.post(
        "/admin/facilities/new/",
        {
            "community": community_a[0].pk,
            "grid": grids[2].pk,
            "name": "垃圾分类房",
            "facility_type": "waste_sorting",
            "area": "10",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "该网格属于其他社区。" in response.content.decode()
    assert not Facility.objects.exists()


def test_facilities_are_shown_and_filtered_by_grid(client, operations_a, community_a, grids):
    client.force_login(operations_a)
    response = client.post(
        "/admin/facilities/new/",
        {
            "community": community_a[0].pk,
            "grid": grids[0].pk,
            "name": "一网格党群服务站",
            "facility_type": "activity_space",
            "area": "60",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Facility.objects.get().grid == grids[0]
    Facility.objects.create(
        community=community_a[0],
        grid=grids[1],
        name="二网格垃圾分类房",
        facility_type="waste_sorting",
        area=Decimal("10"),
    )
    listing = client.get("/admin/facilities/").content.decode()
    assert "一网格党群服务站" in listing and "二网格垃圾分类房" in listing and "第一网格" in listing
    filtered = client.get("/admin/facilities/", {"grid": grids[1].pk}).content.decode()
    assert "二网格垃圾分类房" in filtered and "一网格党群服务站" not in filtered
