"""Imports: dry run saves nothing, any invalid row imports nothing, re-import updates, encodings and XLSX,
missing columns, duplicate keys, formula cells, the row limit; the management command."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from participation.dataio import files
from participation.dataio.files import FileRefused
from participation.dataio.services import ImportFailed, import_file
from participation.models import User
from participation.points.models import BehaviourItem
from participation.registries.models import Facility, SocialOrganisation, SocialWorker
from participation.volunteers.models import Volunteer

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

ORG_HEADER = ["名称", "类型", "登记状态", "登记或备案日期", "联系人", "联系电话", "在册"]
ORGS = [
    ORG_HEADER,
    ["夕阳红服务社", "服务类", "已备案", "2024-03-01", "王芳", "0519-8888", "是"],
    ["邻里互助会", "互助类", "已登记", "2023/5/6", "刘强", "", ""],
]
RESIDENTS = [["手机号", "姓名"], ["13912345678", "张三"], ["139 1234 5679", "李四"]]


def run(kind, community, data, dry_run=False, filename=""):
    return import_file(kind=kind, community=community, data=data, dry_run=dry_run, filename=filename)


def errors_of(kind, community, data):
    with pytest.raises(ImportFailed) as failure:
        run(kind, community, data)
    return [(e.row, e.column, e.message) for e in failure.value.report.errors]


def test_dry_run_changes_nothing(community_a):
    report = run("social_organisations", community_a[0], csv_bytes(ORGS), dry_run=True)
    assert (report.total, report.new, report.updated, report.imported) == (2, 2, 0, False)
    assert not SocialOrganisation.objects.exists()


def test_import_then_reimport_updates(community_a):
    community = community_a[0]
    assert run("social_organisations", community, csv_bytes(ORGS)).new == 2
    changed = [ORG_HEADER, ["夕阳红服务社", "公益类", "已登记", "2024-03-01", "王芳", "", "否"], *ORGS[2:]]
    report = run("social_organisations", community, csv_bytes(changed))
    assert (report.new, report.updated) == (0, 2)
    org = SocialOrganisation.objects.get(name="夕阳红服务社")
    assert (org.org_type, org.status, org.is_active) == ("welfare", "registered", False)
    assert SocialOrganisation.objects.count() == 2


def test_an_invalid_row_imports_nothing(community_a):
    rows = [*ORGS, ["坏组织", "未知类", "已登记", "明天", "", "", ""]]
    errors = errors_of("social_organisations", community_a[0], csv_bytes(rows))
    assert (4, "类型", "“未知类”不是以下选项之一：服务类、公益类、互助类") in errors
    assert (4, "登记或备案日期", "请按 2024-03-01 的格式填写日期，而不是“明天”。") in errors
    assert not SocialOrganisation.objects.exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(community_a, encoding):
    run("residents", community_a[0], csv_bytes(RESIDENTS, encoding))
    assert set(User.objects.filter(groups__name="居民").values_list("display_name", flat=True)) == {
        "张三",
        "李四",
    }
    assert User.objects.get(display_name="李四").mobile == "13912345679"


def test_xlsx(community_a):
    rows = [
        ["名称", "类型", "面积（平方米）", "居民服务或活动用房", "垃圾分类设施", "已建成", "在册"],
        ["党群服务中心", "社区综合服务设施", 800, "是", "否", "是", "是"],
        ["分类房", "垃圾分类设施", 12.5, "否", "是", "否", "是"],
    ]
    run("facilities", community_a[0], xlsx_bytes(rows), filename="设施.xlsx")
    assert Facility.objects.get(name="分类房").area == Decimal("12.5")
    assert Facility.objects.get(name="党群服务中心").is_service_space


def test_wrong_encoding_is_refused(community_a):
    with pytest.raises(FileRefused) as error:
        run("residents", community_a[0], "手机号,姓名\n13912345678,张三\n".encode("utf-16"))
    assert "无法识别文件编码" in error.value.message


def test_missing_column(community_a):
    with pytest.raises(FileRefused) as error:
        run("residents", community_a[0], csv_bytes([["手机号"], ["13912345678"]]))
    assert error.value.message.startswith("缺少列：姓名。")


def test_duplicate_keys_inside_the_file(community_a):
    rows = [*RESIDENTS, ["+86 13912345678", "张三又一次"]]
    errors = errors_of("residents", community_a[0], csv_bytes(rows))
    assert errors == [(4, "手机号", "与第 2 行重复：每一行必须唯一。")]
    assert not User.objects.filter(groups__name="居民").exists()


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3"])
def test_formula_cells_are_refused(community_a, cell):
    rows = [*RESIDENTS, ["13912345670", cell]]
    errors = errors_of("residents", community_a[0], csv_bytes(rows))
    assert errors == [(4, "姓名", "不接受公式（以 = + - 或 @ 开头的单元格）：请直接填写数值或文字。")]
    assert not User.objects.filter(groups__name="居民").exists()


def test_xlsx_formula_cells_are_refused(community_a):
    rows = [
        ["名称", "类型", "面积（平方米）", "居民服务或活动用房", "垃圾分类设施", "已建成", "在册"],
        ["活动室", "公共活动空间", "=10*10", "是", "否", "是", "是"],
    ]
    errors = errors_of("facilities", community_a[0], xlsx_bytes(rows))
    assert errors[0][:2] == (2, "面积（平方米）")
    assert not Facility.objects.exists()


def test_negative_numbers_are_values_not_formulas(community_a):
    rows = [
        ["清单", "序号", "分类", "行为", "积分", "在册"],
        ["负面行为", "1", "公共设施", "乱拉电线", "-5", "是"],
        ["正面行为", "1", "参与", "参加议事", "3", "是"],
    ]
    run("behaviour_items", community_a[0], csv_bytes(rows))
    assert BehaviourItem.objects.get(polarity="negative").points == -5


def test_bad_values_get_chinese_errors_per_column(community_a):
    facilities = [
        ["名称", "类型", "面积（平方米）", "居民服务或活动用房", "垃圾分类设施", "已建成", "在册"],
        ["活动室", "公共活动空间", "-30", "是", "否", "是", "是"],
    ]
    assert errors_of("facilities", community_a[0], csv_bytes(facilities)) == [
        (2, "面积（平方米）", "面积必须大于 0 平方米。")
    ]
    workers = [["姓名", "手机号", "职业资格", "取证日期", "在册"], ["王芳", "12345", "无", "", "是"]]
    assert errors_of("social_workers", community_a[0], csv_bytes(workers)) == [
        (2, "手机号", "请输入有效的 11 位手机号码，例如 13812345678。")
    ]


def test_too_many_rows(community_a, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 5)
    rows = [["手机号", "姓名"]] + [[f"139000000{n:02d}", f"居民{n}"] for n in range(6)]
    with pytest.raises(FileRefused) as error:
        run("residents", community_a[0], csv_bytes(rows))
    assert "超过 5 行" in error.value.message
    assert not User.objects.filter(groups__name="居民").exists()


def test_a_50000_row_file_is_refused(community_a):
    rows = [["手机号", "姓名"]] + [["13900000000", "x"]] * 50_000
    with pytest.raises(FileRefused) as error:
        run("residents", community_a[0], csv_bytes(rows))
    assert "超过 20,000 行" in error.value.message


def test_residents_of_another_community_or_staff_are_not_taken_over(community_a, resident_b, coordinator_a):
    rows = [["手机号", "姓名"], [resident_b.mobile, "改名"], [coordinator_a.mobile, "改名"]]
    errors = errors_of("residents", community_a[0], csv_bytes(rows))
    assert errors == [
        (2, "手机号", "该手机号已在其他社区登记。"),
        (3, "手机号", "该手机号属于工作人员账号。"),
    ]
    resident_b.refresh_from_db()
    assert resident_b.display_name == "李秀英"


def test_volunteers_import_keyed_by_the_residents_mobile(community_a, resident_a):
    rows = [["手机号", "特长技能", "可服务时间", "在册"], [resident_a.mobile, "急救", "周末", "是"]]
    run("volunteers", community_a[0], csv_bytes(rows))
    rows[1][1] = "理发"
    assert run("volunteers", community_a[0], csv_bytes(rows)).updated == 1
    assert Volunteer.objects.get().skills == "理发"
    unknown = [rows[0], ["13911112222", "急救", "", "是"]]
    assert errors_of("volunteers", community_a[0], csv_bytes(unknown)) == [
        (2, "手机号", "本社区没有手机号为 13911112222 的居民。")
    ]


def test_the_management_command(community_a, tmp_path, capsys):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes(ORGS, "gbk"))
    call_command("import_registry", "social_organisations", str(path), "--community", "wuxing", "--dry-run")
    assert not SocialOrganisation.objects.exists()
    call_command("import_registry", "social_organisations", str(path), "--community", "wuxing")
    assert SocialOrganisation.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        csv_bytes([["姓名", "手机号", "职业资格", "取证日期", "在册"], ["王芳", "1", "无", "", ""]])
    )
    with pytest.raises(CommandError) as error:
        call_command("import_registry", "social_workers", str(bad), "--community", "wuxing")
    assert "什么也没有导入" in str(error.value)
    assert not SocialWorker.objects.exists()
