"""Search finds Chinese words from the middle of sentences (the database backends alone do not)."""

import pytest

from home.models import StandardPage
from home.segmentation import segment

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_segmentation_splits_han_runs():
    words = segment("强化社区自治平台功能，每月召开1次议事会").split()
    assert "议事" in words and "自治" in words
    assert "，" not in words


def test_title_words_are_found(client, demo):
    # 「议事」 stands inside 「人人议事厅月度议事会」: one token to the database backend, two words to us.
    html = result_titles(client, "议事")
    assert "人人议事厅月度议事会" in html
    assert "邻里节百家宴" not in html


def test_body_words_are_found(client, community_a):
    _, home = community_a
    home.add_child(
        instance=StandardPage(
            title="建设原则",
            slug="principles",
            body=[("paragraph", "<p>营造睦邻友好、人人与共、守望相助的生活氛围。</p>")],
        )
    )
    html = result_titles(client, "守望")
    assert "建设原则" in html
    html = result_titles(client, "睦邻友好")
    assert "建设原则" in html


def test_convention_lines_are_found(client, demo):
    assert "“人人社区”公约" in result_titles(client, "公益慈善")


def test_nothing_found_says_so(client, demo):
    assert "没有找到与“火星基地”相关的内容" in result_titles(client, "火星基地")


def test_draft_pages_are_not_found(client, community_a):
    _, home = community_a
    page = home.add_child(instance=StandardPage(title="未发布的草稿页面", slug="draft", live=False))
    assert page.pk
    assert "未发布的草稿页面" not in result_titles(client, "草稿")
