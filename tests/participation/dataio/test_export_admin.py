"""Exports (formula cells neutralised, contacts masked without the permission) and the admin's
upload → preview → confirm flow with its permissions."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from participation import services as participation_services
from participation.dataio.services import export_dataset, neutralise
from participation.models import User
from participation.registries.models import SocialOrganisation

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def rows_of(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("普通文字", "普通文字"),
        (3, 3),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_export_neutralises_formula_cells(community_a):
    SocialOrganisation.objects.create(
        community=community_a[0], name='=HYPERLINK("http://x")', org_type="service", status="filed"
    )
    dataset = export_dataset(kind="social_organisations", community=community_a[0])
    assert dataset[0][0] == '\'=HYPERLINK("http://x")'
    assert dataset[0][1] == "服务类"


def test_resident_exports_are_masked_without_the_permission(
    client, community_a, resident_a, coordinator_a, make_staff
):
    url = f"/admin/data/export/?kind=residents&community={community_a[0].pk}&file_format=csv"
    client.force_login(coordinator_a)  # the coordination group holds view_resident_contact
    assert rows_of(client.get(url))[1] == ["13900000101", "张小明"]
    # A coordinator whose group lacks the permission sees masked numbers.
    from django.contrib.auth.models import Group, Permission

    Group.objects.get(name="综合协调组").permissions.remove(
        Permission.objects.get(codename="view_resident_contact")
    )
    coordinator = User.objects.get(pk=coordinator_a.pk)
    client.force_login(coordinator)
    assert rows_of(client.get(url))[1] == ["139****0101", "张小明"]


def test_xlsx_export(client, community_a, coordinator_a, resident_a):
    from openpyxl import load_workbook

    client.force_login(coordinator_a)
    response = client.get(
        f"/admin/data/export/?kind=residents&community={community_a[0].pk}&file_format=xlsx"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]] == ["13900000101", "张小明"]


def test_admin_upload_preview_confirm(client, operations_a, community_a):
    client.force_login(operations_a)
    data = csv_bytes(
        [
            ["名称", "类型", "登记状态", "登记或备案日期", "联系人", "联系电话", "在册"],
            ["夕阳红服务社", "服务类", "已备案", "2024-03-01", "", "", "是"],
        ],
        "gbk",
    )
    response = client.post(
        "/admin/data/",
        {
            "kind": "social_organisations",
            "community": community_a[0].pk,
            "file": SimpleUploadedFile("orgs.csv", data, content_type="text/csv"),
        },
    )
    html = response.content.decode()
    assert "社会组织 1 行：新增 1 条" in html and "尚未保存" in html
    assert not SocialOrganisation.objects.exists()
    token = response.context["token"]
    response = client.post("/admin/data/", {"token": token}, follow=True)
    assert "导入完成：新增 1 条，更新 0 条。" in response.content.decode()
    assert SocialOrganisation.objects.count() == 1
    # The token is spent: confirming twice does nothing more.
    response = client.post("/admin/data/", {"token": token}, follow=True)
    assert "预览已过期" in response.content.decode()
    assert SocialOrganisation.objects.count() == 1


def test_admin_preview_lists_row_errors(client, operations_a, community_a):
    client.force_login(operations_a)
    data = csv_bytes(
        [
            ["名称", "类型", "登记状态", "登记或备案日期", "联系人", "联系电话", "在册"],
            ["夕阳红服务社", "不知道", "已备案", "", "", "", "是"],
        ]
    )
    html = client.post(
        "/admin/data/",
        {
            "kind": "social_organisations",
            "community": community_a[0].pk,
            "file": SimpleUploadedFile("orgs.csv", data),
        },
    ).content.decode()
    assert "1 个错误，不会导入任何数据" in html and "“不知道”不是以下选项之一" in html
    assert 'name="token"' not in html


def test_import_permissions(client, operations_a, publicity_a, resident_a, community_a, community_b):
    data = csv_bytes([["手机号", "姓名"], ["13912345678", "张三"]])
    client.force_login(operations_a)  # operations keep the registries, not the residents
    response = client.post(
        "/admin/data/",
        {"kind": "residents", "community": community_a[0].pk, "file": SimpleUploadedFile("r.csv", data)},
    )
    assert not User.objects.filter(mobile="13912345678").exists()
    assert response.status_code == 200 and "token" not in response.context
    response = client.post(
        "/admin/data/",
        {"kind": "facilities", "community": community_b[0].pk, "file": SimpleUploadedFile("r.csv", data)},
    )
    assert "token" not in response.context  # another community is not a choice
    client.force_login(publicity_a)  # may export the registries, import nothing
    response = client.get("/admin/data/")
    assert response.context["form"].fields["kind"].choices == []
    assert [c for c, _ in response.context["export_form"].fields["kind"].choices] == [
        "volunteers",
        "social_organisations",
        "social_workers",
        "facilities",
        "behaviour_items",
    ]
    client.force_login(resident_a)
    assert client.get("/admin/data/").status_code in (302, 403)
    assert client.get(
        f"/admin/data/export/?kind=residents&community={community_a[0].pk}&file_format=csv"
    ).status_code in (302, 403)


def test_import_through_services_creates_residents_who_can_later_log_in(community_a):
    from participation.dataio.services import import_file

    import_file(
        kind="residents",
        community=community_a[0],
        data=csv_bytes([["手机号", "姓名"], ["13912345678", "张三"]]),
        dry_run=False,
    )
    user = User.objects.get(mobile="13912345678")
    assert not user.has_usable_password() and user.communities.get() == community_a[0]
    assert participation_services.selectors.mobile_is_registered(mobile="13912345678")
