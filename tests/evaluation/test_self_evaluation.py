"""The 7.1 self-evaluation in the admin: who sees it, what it says, its XLSX export and printable version."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from evaluation import selectors
from evaluation.exports import safe_cell
from evaluation.models import ConstructionTask, SurveyKind
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db


def test_report_groups_24_tasks_by_pillar_and_kind(community_a, make_evidence, make_response):
    community = community_a[0]
    task9 = ConstructionTask.objects.get(number=9)
    make_evidence(ReviewState.APPROVED, task_=task9, title="公约发布会")
    make_evidence(ReviewState.SUBMITTED, task_=task9, title="公约知晓调查")
    for positive in [True] * 9 + [False]:
        make_response(community, SurveyKind.AWARENESS, positive=positive)
    report = selectors.self_evaluation(community=community)
    groups = report.groups
    assert [len(g.binding) + len(g.expected) for g in groups] == [8, 4, 6, 6]
    assert all(row.task.binding for g in groups for row in g.binding)
    row9 = next(row for row in report.rows if row.task.number == 9)
    assert (row9.approved, row9.pending, row9.status) == (1, 1, "met")  # 9/10 = 90 %: met, and evidence
    row1 = next(row for row in report.rows if row.task.number == 1)
    assert row1.status == "no_evidence"
    row2 = next(row for row in report.rows if row.task.number == 2)  # no indicator, no evidence
    assert row2.indicators == [] and row2.status == "no_evidence"


@pytest.mark.parametrize(
    "who, status",
    [
        ("evaluator_a", 200),
        ("coordinator_a", 200),
        ("operations_a", 302),
        ("publicity_a", 302),
        ("superuser", 200),
    ],
)
def test_who_sees_the_self_evaluation(client, request, community_a, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("self_evaluation:index")).status_code == status


def test_staff_cannot_ask_for_another_community(client, evaluator_a, community_b):
    client.force_login(evaluator_a)
    for name in ("index", "xlsx", "print"):
        response = client.get(reverse(f"self_evaluation:{name}") + f"?community={community_b[0].pk}")
        assert response.status_code in (302, 403)


def test_page_lists_tasks_counts_and_chooser_for_superuser(
    client, superuser, community_a, community_b, make_evidence
):
    make_evidence(ReviewState.APPROVED)
    client.force_login(superuser)
    response = client.get(reverse("self_evaluation:index") + f"?community={community_a[0].pk}")
    content = response.content.decode()
    assert "健全完善参与机制" in content and "参与共同体" in content and "约束性" in content
    assert 'name="community"' in content and "新民村" in content  # the chooser
    assert reverse("task_evidence:index") + f"?community={community_a[0].pk}&amp;task=" in content


def test_xlsx_content(client, evaluator_a, community_a, make_evidence):
    make_evidence(ReviewState.APPROVED, title='=HYPERLINK("http://evil","点我")')
    make_evidence(ReviewState.DRAFT, title="草稿不导出")
    client.force_login(evaluator_a)
    response = client.get(reverse("self_evaluation:xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["自评", "指标", "佐证", "说明"]
    tasks = list(workbook["自评"].iter_rows(values_only=True))
    assert tasks[0][:3] == ("共同体", "建设类别", "序号") and len(tasks) == 25
    first = next(row for row in tasks[1:] if row[2] == 1)
    assert first[3] == "约束性" and first[5] == 1 and first[8] == "指标无数据"
    indicators = list(workbook["指标"].iter_rows(values_only=True))
    assert (
        len(indicators) == 10
        and indicators[2][1] == "登记备案的社会组织"
        and indicators[2][3] == "不少于10个（村不少于5个）"
    )
    evidence = list(workbook["佐证"].iter_rows(values_only=True))
    assert len(evidence) == 2
    assert evidence[1][1] == '\'=HYPERLINK("http://evil","点我")'  # text, not a formula
    assert workbook["佐证"]["B2"].data_type == "s"


def test_safe_cell_neutralises_formulas_only_in_text():
    assert (
        safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("-2+3") == "'-2+3"
    )
    assert safe_cell("-2") == "-2"  # a plain number is a value, not a formula (participation.dataio.cells)
    assert safe_cell("议事会") == "议事会" and safe_cell(-2) == -2


def test_printable_page_is_self_contained_a4(client, evaluator_a):
    client.force_login(evaluator_a)
    content = client.get(reverse("self_evaluation:print")).content.decode()
    assert "size: A4" in content and "@media print" in content
    assert "<link" not in content and "src=" not in content and "http" not in content.split("</style>")[0]
    assert "健全完善参与机制" in content


def test_header_names_the_self_evaluation_not_the_home_page(client, evaluator_a):
    # Wagtail's header shows only the breadcrumbs (its h1 is for screen readers): the last one is the title.
    client.force_login(evaluator_a)
    html = client.get(reverse("self_evaluation:index")).content.decode()
    start = html.index('aria-label="面包屑导航"')
    breadcrumbs = html[start : html.index("</nav>", start)]
    assert "自评" in breadcrumbs and "五星社区" in breadcrumbs
