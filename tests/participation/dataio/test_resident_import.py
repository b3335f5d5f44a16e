"""The residents' set-based import: the same file twice creates no one, errors of many rows are all reported
with their spreadsheet row numbers, new accounts have no usable password and belong to the community, the
public pages' cache is invalidated although bulk writes send no signals, the queries do not grow per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.dataio import resident_import
from participation.dataio.services import ImportFailed, import_file
from participation.models import User
from renren_cms.page_cache import current_generation

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
HEADER = ["手机号", "姓名"]


def residents(rows: int, suffix: str = "") -> list[list[str]]:
    return [HEADER] + [[f"1600000{n:04d}", f"居民{n}{suffix}"] for n in range(rows)]


def run(community, data, dry_run=False):
    return import_file(kind="residents", community=community, data=data, dry_run=dry_run)


def errors_of(community, data):
    with pytest.raises(ImportFailed) as failure:
        run(community, data)
    return [(e.row, e.column, e.message) for e in failure.value.report.errors]


def community_residents(community):
    return User.objects.filter(groups__name="居民", communities=community)


def test_the_same_file_twice_updates_and_creates_nothing(community_a):
    community = community_a[0]
    data = xlsx_bytes(residents(30))
    first = run(community, data)
    assert (first.new, first.updated, first.imported) == (30, 0, True)
    memberships = User.communities.through.objects.count(), User.groups.through.objects.count()
    again = run(community, data)
    assert (again.new, again.updated) == (0, 30)
    assert community_residents(community).count() == 30
    assert User.objects.filter(mobile__startswith="160").count() == 30
    assert (User.communities.through.objects.count(), User.groups.through.objects.count()) == memberships
    renamed = run(community, xlsx_bytes(residents(30, "（新）")))
    assert (renamed.new, renamed.updated) == (0, 30)
    assert User.objects.get(mobile="16000000029").display_name == "居民29（新）"


def test_new_accounts_belong_to_the_community_without_a_usable_password(community_a, resident_a):
    community = community_a[0]
    report = run(
        community, csv_bytes([HEADER, ["１６０ ００００ ０００１", "王五"], [resident_a.mobile, "张大明"]])
    )
    assert (report.new, report.updated) == (1, 1)
    new = User.objects.get(mobile="16000000001")  # full-width digits and spaces normalised
    assert (new.display_name, new.has_usable_password(), new.is_staff) == ("王五", False, False)
    assert set(community_residents(community)) == {new, resident_a}
    resident_a.refresh_from_db()
    assert resident_a.display_name == "张大明" and resident_a.has_usable_password()


def test_dry_run_counts_and_saves_nothing(community_a, resident_a):
    rows = [*residents(5), [resident_a.mobile, "张大明"]]
    report = run(community_a[0], xlsx_bytes(rows), dry_run=True)
    assert (report.total, report.new, report.updated, report.imported) == (6, 5, 1, False)
    assert not User.objects.filter(mobile__startswith="160").exists()
    resident_a.refresh_from_db()
    assert resident_a.display_name == "张小明"


def test_errors_of_many_rows_are_all_reported_with_their_row_numbers(community_a, resident_b, coordinator_a):
    rows = residents(400)
    rows[50] = ["1600000", "短号"]  # spreadsheet row 51
    rows[120][1] = ""
    rows[250] = [resident_b.mobile, ""]
    rows[399] = [coordinator_a.mobile, "改名"]
    assert errors_of(community_a[0], xlsx_bytes(rows)) == [
        (51, "手机号", "请输入有效的 11 位手机号码，例如 13812345678。"),
        (121, "姓名", "请填写姓名。"),
        (251, "手机号", "该手机号已在其他社区登记。"),
        (251, "姓名", "请填写姓名。"),
        (400, "手机号", "该手机号属于工作人员账号。"),
    ]
    assert not User.objects.filter(mobile__startswith="160").exists()
    resident_b.refresh_from_db()
    assert resident_b.display_name == "李秀英"


def test_a_name_too_long_for_the_account_is_an_error_of_its_row(community_a, resident_a):
    rows = [HEADER, ["16000000001", "好"], [resident_a.mobile, "长" * 51]]
    assert errors_of(community_a[0], csv_bytes(rows)) == [
        (3, "姓名", "确保该变量包含不超过 50 字符 (目前字符数 51)。")
    ]
    assert not User.objects.filter(mobile="16000000001").exists()


@pytest.mark.parametrize("existing", [False, True])
def test_the_public_pages_cache_is_invalidated(community_a, resident_a, existing):
    # Bulk inserts and updates send no post_save, which is what invalidates the cache for other writes.
    rows = [HEADER, [resident_a.mobile, "张大明"]] if existing else residents(3)
    before = current_generation()
    run(community_a[0], csv_bytes(rows))
    assert current_generation() > before


def test_the_queries_do_not_grow_row_by_row(community_a):
    with CaptureQueriesContext(connection) as queries:
        run(community_a[0], xlsx_bytes(residents(1000)))
    assert community_residents(community_a[0]).count() == 1000
    assert len(queries) < 100  # batches of rows, not a query or more per row


def test_a_number_registered_between_the_check_and_the_write_is_reported(
    community_a, resident_b, monkeypatch
):
    found = resident_import.accounts_by_mobile
    calls = []

    def misses_the_first_time(**kwargs):
        calls.append(1)
        return {} if len(calls) == 1 else found(**kwargs)

    monkeypatch.setattr(resident_import, "accounts_by_mobile", misses_the_first_time)
    rows = [HEADER, ["16000000001", "好"], [resident_b.mobile, "改名"]]
    assert errors_of(community_a[0], csv_bytes(rows)) == [(3, "手机号", "该手机号已在其他社区登记。")]
    assert not User.objects.filter(mobile="16000000001").exists()
