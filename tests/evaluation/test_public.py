"""The public evaluation page, its open-data JSON, the home page badges, Wagtail's API v2 and the dashboard."""

import json

import pytest
from django.urls import reverse

from evaluation.models import ConstructionTask, SurveyKind
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(community_a, make_evidence, make_response, resident_a, operations_a):
    for index in range(3):
        make_evidence(
            ReviewState.APPROVED,
            title=f"张小明家访记录{index}",
            task_=ConstructionTask.objects.get(number=index + 1),
        )
    make_response(community_a[0], SurveyKind.SATISFACTION, positive=True, respondent=resident_a)
    make_response(community_a[0], SurveyKind.AWARENESS, positive=True, respondent=resident_a)
    return community_a[0]


PERSONAL = ("张小明", "13900000101", "运行甲", "13800000103", "家访记录")


def test_public_page_shows_indicators_and_tasks_without_personal_data(client, data):
    response = client.get(reverse("evaluation:community", args=["wuxing"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "公约知晓率" in content and "健全完善参与机制" in content and "无数据" in content
    assert not any(item in content for item in PERSONAL)


def test_json_open_data(client, data):
    response = client.get(reverse("evaluation:indicators_json", args=["wuxing"]))
    assert response["Content-Type"].startswith("application/json")
    payload = json.loads(response.content)
    assert payload["community"] == {"name": "五星社区", "slug": "wuxing", "kind": "urban"}
    assert [i["number"] for i in payload["indicators"]] == list(range(1, 10))
    awareness = payload["indicators"][2]
    assert awareness["value"] == 100 and awareness["denominator"] == 1 and awareness["status"] == "met"
    assert len(payload["tasks"]) == 24 and payload["tasks"][0]["approved_evidence"] == 1
    assert payload["surveys"]["satisfaction"]["responses"] == 1
    text = response.content.decode()
    assert not any(item in text for item in PERSONAL)


def test_unknown_community_is_404(client, community_a):
    assert client.get("/evaluation/nowhere/").status_code == 404
    assert client.get("/evaluation/nowhere/indicators.json").status_code == 404


@pytest.mark.parametrize("evidence_count", [3, 30])
def test_public_page_query_count_does_not_grow(
    client, community_a, make_evidence, evidence_count, django_assert_max_num_queries
):
    for index in range(evidence_count):
        make_evidence(
            ReviewState.APPROVED,
            title=f"佐证{index}",
            task_=ConstructionTask.objects.get(number=index % 24 + 1),
        )
    client.get(reverse("evaluation:community", args=["wuxing"]))  # warm per-process caches (site root paths)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluation:community", args=["wuxing"])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluation:indicators_json", args=["wuxing"])).status_code == 200


def test_home_page_links_its_indicator_badges(client, community_a):
    content = client.get(community_a[1].url).content.decode()
    assert "建设指标" in content and reverse("evaluation:community", args=["wuxing"]) in content


def test_wagtail_api_serves_published_pages_only(client, community_a):
    from home.models import StandardPage

    home = community_a[1]
    home.add_child(instance=StandardPage(title="已发布的介绍", slug="published"))
    draft = home.add_child(instance=StandardPage(title="未发布的草稿", slug="draft", live=False))
    assert not draft.live
    response = client.get("/api/v2/pages/?limit=20")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "已发布的介绍" in titles and "五星社区" in titles and "未发布的草稿" not in titles


def test_dashboard_shows_badges_charts_and_review_link(client, evaluator_a, make_evidence, operations_a):
    make_evidence(ReviewState.SUBMITTED)
    client.force_login(evaluator_a)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "建设指标" in content and "<svg" in content and "<desc" in content
    assert "1 条佐证待审核" in content
    assert "state=submitted" in content


def test_dashboard_panel_hidden_from_operations(client, operations_a):
    client.force_login(operations_a)
    assert "evaluation-dashboard" not in client.get(reverse("wagtailadmin_home")).content.decode()
