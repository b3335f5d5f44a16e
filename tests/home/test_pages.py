"""Every page type renders in Chinese with its content; index pages paginate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import ActivityIndexPage, ActivityPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def get_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_portal_lists_communities(client, demo):
    html = get_text(client, "/")
    assert "五星社区" in html and "新民村" in html
    assert "社区列表" in html  # the section heading, translated
    assert '<html lang="zh-Hans">' in html


def test_community_home_shows_sections_activities_and_news(client, demo):
    html = get_text(client, "/wuxing/")
    assert "“人人社区”公约" in html
    assert "近期活动" in html and "邻里节百家宴" in html
    assert "最新动态" in html and "人人解忧铺开张" in html


def test_convention_page_has_appendix_a(client, demo):
    html = get_text(client, "/wuxing/convention/")
    assert "为树立“人人有责、人人尽责、我为人人、人人为我”建设理念" in html
    for title in ("参与公约", "互助公约", "自律公约", "成长公约"):
        assert title in html
    assert "文明优良强家风，人人奉献有爱心。" in html


def test_responsibility_list_has_category_scene_duties(client, demo):
    html = get_text(client, "/wuxing/responsibilities/")
    assert "1. 公共空间" in html
    assert "<h3>电梯</h3>" in html
    assert "电动车禁止进入电梯。" in html
    assert "4. 公共设施" in html


def test_behaviour_list_shows_points_with_sign(client, demo):
    html = get_text(client, "/wuxing/behaviours/")
    assert "正面行为" in html and "负面行为" in html
    assert "成为党员骨干，参与社区党务工作、配合社区书记完成党建工作。" in html
    assert "+5" in html
    assert "私自乱拉乱接电线、损坏公共物资。" in html
    assert "-5" in html


def test_activity_page_shows_time_place_capacity(client, demo):
    html = get_text(client, "/wuxing/activities/activity-1/")
    assert "邻里节百家宴" in html
    assert "地点" in html and "社区广场" in html
    assert "80 人" in html
    assert "报名截止" in html


def test_news_and_standard_pages_render(client, demo):
    html = get_text(client, "/wuxing/news/news-2/")
    assert "人人解忧铺开张" in html and "标签" in html and "解忧铺" in html
    assert "工作组" in get_text(client, "/wuxing/about/")


def test_news_index_filters_by_tag(client, demo):
    html = get_text(client, "/wuxing/news/?tag=%E5%85%AC%E7%BA%A6")
    assert "《“人人社区”公约》正式发布" in html
    assert "人人解忧铺开张" not in html


def test_activity_index_paginates(client, community_a):
    _, home = community_a
    index = home.add_child(instance=ActivityIndexPage(title="社区活动", slug="activities"))
    start = timezone.now() + timedelta(days=1)
    for number in range(12):
        index.add_child(
            instance=ActivityPage(
                title=f"活动{number:02d}",
                slug=f"a{number}",
                place="广场",
                organiser="建设运行组",
                starts_at=start + timedelta(days=number),
                ends_at=start + timedelta(days=number, hours=1),
            )
        )
    first = get_text(client, "/wuxing/activities/")
    assert "第 1 页，共 2 页" in first and "活动11" in first and "活动01" not in first
    second = get_text(client, "/wuxing/activities/?page=2")
    assert "活动01" in second and "活动11" not in second
    # A page number out of range shows the last page rather than an error.
    assert "活动00" in get_text(client, "/wuxing/activities/?page=99")


def test_news_index_paginates(client, community_a):
    _, home = community_a
    index = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))
    for number in range(11):
        index.add_child(
            instance=NewsPage(
                title=f"新闻{number:02d}",
                slug=f"n{number}",
                date=timezone.localdate() - timedelta(days=number),
            )
        )
    assert "下一页" in get_text(client, "/wuxing/news/")
    assert "新闻10" in get_text(client, "/wuxing/news/?page=2")


def test_error_pages_are_chinese(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_user_text_is_escaped(client, community_a):
    _, home = community_a
    index = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))
    index.add_child(instance=NewsPage(title="<script>alert(1)</script>", slug="x", summary="<b>粗</b>"))
    html = get_text(client, "/wuxing/news/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
