"""Hostile files and cells through the staff import view (/admin/data/): wrong encodings and binary files are
refused with a Chinese message; hostile cells are refused row by row, or imported and shown escaped; never a
server error, never half an import."""

import csv
import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from participation.models import User
from participation.registries.models import SocialOrganisation
from participation.roles import StaffRole
from tests.security.conftest import xlsx_bytes

pytestmark = pytest.mark.django_db

RESIDENT_HEADER = ["手机号", "姓名"]
NOISE = random.Random(7).randbytes(2048)  # a binary file, the same in every run
ORG_HEADER = ["名称", "类型", "登记状态", "登记或备案日期", "联系人", "联系电话", "在册"]


def csv_bytes(rows, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # quotes the cells that need it, as Excel does
    return buffer.getvalue().encode(encoding)


def _upload(client, kind, community, data, filename):
    response = client.post(
        "/admin/data/", {"kind": kind, "community": community.pk, "file": SimpleUploadedFile(filename, data)}
    )
    assert response.status_code == 200
    return response


def _confirm(client, response):
    return client.post("/admin/data/", {"token": response.context["token"]}, follow=True)


@pytest.fixture
def coordinator(client, coordinator_a):
    client.force_login(coordinator_a)
    return coordinator_a


def _binary_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, filename, message",
    [
        (csv_bytes([["Name", "Mobile"], ["Müller", "13912345678"]], "latin-1"), "residents.csv", "缺少列"),
        (NOISE + b"\x00", "residents.csv", "无法识别文件编码"),
        (NOISE, "residents.xlsx", "无法读取该 XLSX 文件"),
        (_binary_zip(), "residents.xlsx", "无法读取该 XLSX 文件"),
        ("手机号,姓名\r\n13912345678,张\x00三\r\n".encode(), "residents.csv", "无法识别文件编码"),
        ("手机号,姓名\r\n13912345678,张三\r\n".encode("utf-16"), "residents.csv", "无法识别文件编码"),
        (b"", "residents.csv", "提交的是空文件"),
    ],
)
def test_unreadable_files_are_refused_in_chinese(client, coordinator, community_a, data, filename, message):
    response = _upload(client, "residents", community_a[0], data, filename)
    text = response.content.decode()
    assert response.context.get("refused") or response.context["form"].errors
    assert message in text, text[:2000]
    assert "token" not in response.context
    assert not User.objects.filter(mobile="13912345678").exists()


def test_a_gbk_csv_imports(client, coordinator, community_a):
    response = _upload(
        client,
        "residents",
        community_a[0],
        csv_bytes([RESIDENT_HEADER, ["13912345678", "张三"]], "gbk"),
        "residents.csv",
    )
    assert "新增 1 条" in _confirm(client, response).content.decode()
    assert User.objects.get(mobile="13912345678").display_name == "张三"


@pytest.mark.parametrize(
    "name, message",
    [
        ("=cmd|' /C calc'!A0", "不接受公式"),
        ("长" * 10_001, "确保该变量包含不超过 50 字符"),
    ],
)
def test_refused_cells_import_nothing(client, coordinator, community_a, name, message):
    rows = [RESIDENT_HEADER, ["13912345677", "李四"], ["13912345678", name]]
    for data, filename in ((csv_bytes(rows), "r.csv"), (xlsx_bytes(rows), "r.xlsx")):
        response = _upload(client, "residents", community_a[0], data, filename)
        assert message in response.content.decode() and "token" not in response.context
    assert not User.objects.filter(mobile__in=["13912345677", "13912345678"]).exists()


HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE participation_user; --",
]


@pytest.mark.parametrize("filename", ["r.csv", "r.xlsx"])
def test_hostile_names_import_and_show_escaped(client, coordinator, community_a, superuser, filename):
    rows = [RESIDENT_HEADER] + [[f"139123456{n:02d}", name] for n, name in enumerate(HOSTILE_NAMES)]
    rows.append(["13912345699", "王\u202e五"])
    data = xlsx_bytes(rows) if filename.endswith("xlsx") else csv_bytes(rows)
    response = _upload(client, "residents", community_a[0], data, filename)
    preview = response.content.decode()
    assert "新增 5 条" in preview and "<script>alert(1)" not in preview
    assert "新增 5 条" in _confirm(client, response).content.decode()
    assert User.objects.get(mobile="13912345699").display_name == "王五"  # the override is dropped
    assert User.objects.filter(display_name="'; DROP TABLE participation_user; --").exists()
    client.force_login(superuser)
    for url in ("/admin/residents/", "/admin/users/"):
        page = client.get(url).content.decode()
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_registry_import_with_markup_shows_escaped(client, make_staff, community_a, superuser):
    client.force_login(make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲"))
    rows = [
        ORG_HEADER,
        ["<script>alert(1)</script>", "服务类", "已备案", "2024-03-01", '"><img src=x>', "", "是"],
    ]
    response = _upload(client, "social_organisations", community_a[0], csv_bytes(rows), "orgs.csv")
    _confirm(client, response)
    assert SocialOrganisation.objects.get().name == "<script>alert(1)</script>"
    client.force_login(superuser)
    page = client.get("/admin/social_organisations/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
