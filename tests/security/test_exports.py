"""Formula cells in every spreadsheet we hand out: a value typed as `=cmd|' /C calc'!A0` must open in Excel or
WPS as text. Each export — the data exports (CSV and XLSX), the 解忧铺 request list (CSV and XLSX) and the
self-evaluation workbook — is read back and the hostile cell checked; plain numbers stay numbers."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from participation import services
from participation.cells import neutralise
from participation.help import services as help_services
from participation.models import User
from participation.registries.models import SocialOrganisation
from participation.roles import StaffRole
from participation.volunteers.models import Volunteer
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

DDE = "=cmd|' /C calc'!A0"
HOSTILE_STARTS = [
    DDE,
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE_STARTS)
def test_formulas_get_an_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("普通文字", "普通文字"),
        (3, 3),
        (None, None),
        ("a=b", "a=b"),
        ("\x01=1+1", "'=1+1"),  # a control character first: dropped (XLSX cannot hold it), then neutralised
        ("张\x1b三", "张三"),
    ],
)
def test_numbers_and_plain_text_stay_control_characters_go(value, expected):
    assert neutralise(value) == expected


def _csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]


def _assert_text_cell(sheet, value):
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == "'" + value]
    assert cells, f"no neutralised cell for {value!r}"
    assert all(cell.data_type == "s" for cell in cells)  # text, not a formula ("f")


@pytest.fixture
def hostile_registries(community_a):
    community = community_a[0]
    SocialOrganisation.objects.create(
        community=community,
        name=DDE,
        org_type="service",
        status="filed",
        contact_name="@SUM(1+1)*cmd|' /C calc'!A0",
    )
    resident = services.create_resident(
        mobile="13911110000", password=PASSWORD, display_name="+1+cmd|' /C calc'!A0", community=community
    )
    Volunteer.objects.create(
        resident=resident, community=community, skills="-2+3+cmd|' /C calc'!A0", availability="张\x1b三"
    )
    return community


@pytest.mark.parametrize(
    "kind, user, values",
    [
        ("social_organisations", "operations", [DDE, "@SUM(1+1)*cmd|' /C calc'!A0"]),
        ("residents", "coordinator", ["+1+cmd|' /C calc'!A0"]),
        ("volunteers", "operations", ["+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]),
    ],
)
def test_data_exports(client, hostile_registries, make_staff, coordinator_a, kind, user, values):
    staff = (
        coordinator_a
        if user == "coordinator"
        else make_staff("13800000103", StaffRole.OPERATIONS, hostile_registries, "运行甲")
    )
    client.force_login(staff)
    url = f"/admin/data/export/?kind={kind}&community={hostile_registries.pk}&file_format="
    rows = _csv_rows(client.get(url + "csv"))
    cells = [cell for row in rows for cell in row]
    for value in values:
        assert "'" + value in cells and value not in cells
    sheet, _rows = _xlsx_rows(client.get(url + "xlsx"))
    for value in values:
        _assert_text_cell(sheet, value)
    if kind == "volunteers":
        assert "张三" in cells  # the control character is gone, the XLSX could be written


def test_help_request_list_exports(client, community_a, coordinator_a):
    from participation.help.models import HelpCategory

    category = HelpCategory.objects.create(
        community=community_a[0], name="水电维修", response_hours=24, resolution_days=7
    )
    help_services.submit_request(
        community=community_a[0],
        category=category,
        summary=DDE,
        description="…",
        requester=None,
        name="-2+3+cmd|' /C calc'!A0",
        phone="13700000001",
        is_public=False,
        is_sensitive=False,
    )
    client.force_login(coordinator_a)
    rows = _csv_rows(client.get("/admin/help_requests/", {"export": "csv"}))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + DDE in cells and "'-2+3+cmd|' /C calc'!A0" in cells and DDE not in cells
    sheet, _rows = _xlsx_rows(client.get("/admin/help_requests/", {"export": "xlsx"}))
    _assert_text_cell(sheet, DDE)
    _assert_text_cell(sheet, "-2+3+cmd|' /C calc'!A0")


def test_self_evaluation_workbook(client, community_a, make_staff):
    from django.utils import timezone

    from evaluation.models import ConstructionTask, TaskEvidence

    evaluator = make_staff("13800000104", StaffRole.EVALUATION, community_a[0], "评价甲")
    operations = make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")
    for title in (DDE, "\x01@SUM(1+1)*cmd|' /C calc'!A0"):
        TaskEvidence.objects.create(
            community=community_a[0],
            author=operations,
            task=ConstructionTask.objects.get(number=1),
            title=title,
            start_date=datetime.date(2026, 3, 15),
            state="approved",
            submitted_at=timezone.now(),
            measured_values={"+人数": "=1+1"},
        )
    client.force_login(evaluator)
    response = client.get(reverse("self_evaluation:xlsx"))
    sheet = load_workbook(io.BytesIO(response.content))["佐证"]
    _assert_text_cell(sheet, DDE)
    _assert_text_cell(sheet, "@SUM(1+1)*cmd|' /C calc'!A0")
    _assert_text_cell(sheet, "+人数 = =1+1")


def test_every_admin_list_export_neutralises_formulas():
    """Every Wagtail view with an export (our lists, Wagtail's reports) writes CSV cells through the wrapped
    preprocess_field_value (participation.cells.protect_wagtail_exports)."""
    from django.urls import get_resolver
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    exporting = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, SpreadsheetExportMixin):
                exporting.add(view_class)

    walk(get_resolver().url_patterns)
    assert len(exporting) > 5  # the 解忧铺 list, site history, locked and aging pages, workflows …
    for view_class in exporting:
        view = view_class()
        for export_format in ("csv", "xlsx"):
            assert view.preprocess_field_value("title", DDE, export_format) == "'" + DDE, view_class


def test_site_history_export_of_a_residents_topic(client, community_a, resident_a, superuser):
    """Topic transitions are logged in Wagtail's history with the topic's title as label."""
    from participation.topics.models import ConsultationTopic, TopicCategory
    from workflows.services import perform_transition

    topic = ConsultationTopic.objects.create(
        community=community_a[0],
        author=resident_a,
        title=DDE,
        description="…",
        category=TopicCategory.objects.get(name="环境卫生", community=None),
    )
    perform_transition(obj=topic, transition="submit", actor=resident_a)
    client.force_login(superuser)
    cells = [
        cell
        for row in _csv_rows(client.get("/admin/reports/site-history/", {"export": "csv"}))
        for cell in row
    ]
    assert any(cell.startswith("'" + DDE) for cell in cells) and DDE not in cells


def test_a_resident_name_with_a_control_character_does_not_break_the_export(
    client, community_a, coordinator_a
):
    User.objects.filter(
        pk=services.create_resident(
            mobile="13911112222", password=PASSWORD, display_name="x", community=community_a[0]
        ).pk
    ).update(display_name="张\x01三")  # the public forms accept it (only NUL is refused)
    client.force_login(coordinator_a)
    response = client.get(
        f"/admin/data/export/?kind=residents&community={community_a[0].pk}&file_format=xlsx"
    )
    assert response.status_code == 200
    assert ["13911112222", "张三"] in _xlsx_rows(response)[1]
