"""Public pages run a bounded number of SQL queries, the same with few items and with many."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import ActivityIndexPage, ActivityPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db
MAX_QUERIES = 12


@pytest.fixture
def tree(community_a):
    _, home = community_a
    news = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news", show_in_menus=True))
    activities = home.add_child(
        instance=ActivityIndexPage(title="社区活动", slug="activities", show_in_menus=True)
    )
    return news, activities


def fill(tree, count):
    news, activities = tree
    start = timezone.now() + timedelta(days=1)
    for number in range(count):
        page = news.add_child(instance=NewsPage(title=f"新闻{number}", slug=f"n{number}"))
        page.tags.add(f"标签{number % 3}")
        page.save()
        activities.add_child(
            instance=ActivityPage(
                title=f"活动{number}",
                slug=f"a{number}",
                place="广场",
                organiser="建设运行组",
                starts_at=start + timedelta(hours=number),
                ends_at=start + timedelta(hours=number + 1),
            )
        )


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    "url",
    ["/", "/wuxing/", "/wuxing/news/", "/wuxing/news/n1/", "/wuxing/activities/", "/wuxing/activities/a1/"],
)
def test_public_pages_stay_within_the_query_budget(client, tree, count, url, django_assert_max_num_queries):
    fill(tree, count)
    client.cookies["sessionid"] = "not-a-session"  # bypass the anonymous page cache: measure the real work
    client.get(url)  # warm per-process caches (site root paths)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
