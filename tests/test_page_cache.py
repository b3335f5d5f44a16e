"""Anonymous public pages come from the cache, and a change is never followed by a stale page."""

import pytest
from django.core.cache import cache

from home.models import NewsIndexPage, NewsPage
from participation.points.models import BehaviourItem, BehaviourPolarity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def news_index(community_a):
    _, home = community_a
    return home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))


def test_second_anonymous_request_is_a_hit(client, news_index):
    assert client.get("/wuxing/news/")["X-Page-Cache"] == "miss"
    response = client.get("/wuxing/news/")
    assert response["X-Page-Cache"] == "hit"
    assert response["X-Frame-Options"] == "DENY"
    assert "社区新闻" in response.content.decode()


def test_publishing_a_page_is_seen_at_once(client, news_index):
    client.get("/wuxing/news/")
    page = news_index.add_child(instance=NewsPage(title="新发布的新闻", slug="fresh", live=False))
    assert "新发布的新闻" not in client.get("/wuxing/news/").content.decode()
    page.save_revision().publish()
    response = client.get("/wuxing/news/")
    assert "新发布的新闻" in response.content.decode()


def test_unpublishing_is_seen_at_once(client, news_index):
    page = news_index.add_child(instance=NewsPage(title="将撤下的新闻", slug="gone"))
    assert client.get("/wuxing/news/gone/").status_code == 200
    assert client.get("/wuxing/news/gone/")["X-Page-Cache"] == "hit"
    page.unpublish()
    assert client.get("/wuxing/news/gone/").status_code == 404


def test_snippet_change_is_seen_at_once(client, community_a):
    from home.models import BehaviourListPage

    community, home = community_a
    home.add_child(instance=BehaviourListPage(title="行为清单", slug="behaviours"))
    item = BehaviourItem.objects.create(
        community=community, polarity=BehaviourPolarity.POSITIVE, number=1, text="旧的条目", points=2
    )
    assert "旧的条目" in client.get("/wuxing/behaviours/").content.decode()
    item.text = "新的条目"
    item.save()
    assert "新的条目" in client.get("/wuxing/behaviours/").content.decode()


def test_logged_in_users_are_never_served_from_cache(client, news_index, resident_a):
    client.get("/wuxing/news/")
    client.force_login(resident_a)
    response = client.get("/wuxing/news/")
    assert "X-Page-Cache" not in response
    assert "张小明" in response.content.decode()


def test_pages_with_a_csrf_token_are_not_shared(client, community_a):
    response = client.get("/accounts/login/")
    assert "X-Page-Cache" not in response


def test_logged_in_pages_reuse_shared_fragments_yet_never_show_them_stale(client, news_index, resident_a):
    # Signed-in pages are rendered per request, but the community home's sections, the navigation, the Site and
    # the URL routing are cached per content generation: a change must show at once there too.
    client.force_login(resident_a)
    assert "第一条新闻" not in client.get("/wuxing/").content.decode()
    news = news_index.add_child(instance=NewsPage(title="第一条新闻", slug="first"))
    home = client.get("/wuxing/").content.decode()
    assert "第一条新闻" in home and "张小明" in home
    news_index.title, news_index.show_in_menus = "社区动态", True
    news_index.save_revision().publish()
    assert "社区动态" in client.get("/wuxing/").content.decode()  # the navigation
    assert client.get("/wuxing/news/first/").status_code == 200
    news.unpublish()
    assert client.get("/wuxing/news/first/").status_code == 404  # the cached route
    assert "第一条新闻" not in client.get("/wuxing/").content.decode()


def test_a_communitys_flow_pages_show_that_communitys_navigation(client, community_a, community_b):
    from home.models import StandardPage

    _, home = community_a
    home.add_child(instance=StandardPage(title="实施方案", slug="plan", show_in_menus=True))
    topics = client.get("/topics/wuxing/").content.decode()
    nav = topics[topics.index('class="site-nav"') : topics.index("</nav>", topics.index('class="site-nav"'))]
    assert "实施方案" in nav and "新民村" not in nav
    other = client.get("/topics/xinmin/").content.decode()
    other_nav = other[
        other.index('class="site-nav"') : other.index("</nav>", other.index('class="site-nav"'))
    ]
    assert "新民村" in other_nav and "实施方案" not in other_nav and "五星社区" not in other_nav


def test_a_preview_shows_the_unsaved_edits_and_never_reaches_visitors(client, news_index):
    from datetime import timedelta

    from django.utils import timezone

    from home.models import ActivityIndexPage, ActivityPage

    home = news_index.get_parent()
    index = home.add_child(instance=ActivityIndexPage(title="社区活动", slug="activities"))
    starts = timezone.now() + timedelta(days=2)
    activity = index.add_child(
        instance=ActivityPage(
            title="旧标题的活动",
            slug="walk",
            place="广场",
            organiser="建设运行组",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
    )
    assert (
        "旧标题的活动" in client.get("/wuxing/activities/walk/").content.decode()
    )  # fragments and page cached
    activity.title, activity.place = "预览中的新标题", "新的地点"
    # As the admin's preview does it, without the editor's cookies: no shared page, no shared fragment.
    preview = activity.make_preview_request().content.decode()
    assert "预览中的新标题" in preview and "新的地点" in preview
    live = client.get("/wuxing/activities/walk/").content.decode()
    assert "旧标题的活动" in live and "预览中的新标题" not in live and "新的地点" not in live


def test_a_privacy_restriction_added_later_is_enforced_at_once(client, news_index):
    from wagtail.models import PageViewRestriction

    news_index.add_child(instance=NewsPage(title="内部通知", slug="internal"))
    assert "内部通知" in client.get("/wuxing/news/internal/").content.decode()  # no restriction anywhere yet
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="只给居民"
    )
    for cookies in ({}, {"sessionid": "not-a-session"}):  # from the page cache, and rendered afresh
        client.cookies.clear()
        for name, value in cookies.items():
            client.cookies[name] = value
        page = client.get("/wuxing/news/internal/").content.decode()
        assert "内部通知" not in page and 'name="password"' in page
    restriction.delete()
    assert "内部通知" in client.get("/wuxing/news/internal/").content.decode()


def test_every_model_of_every_app_of_ours_refreshes_the_public_pages():
    # Each flow is an app of its own: an app added without joining the invalidation would leave its public
    # pages stale. Every concrete model of ours must move the generation when it is saved or deleted (the
    # receiver that post_save and post_delete call; the tests above show those signals reach it).
    from django.apps import apps

    from renren_cms.page_cache import _on_content_change, current_generation

    ours = [
        model
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in {"home", "evaluation", "participation", "workflows"}
        for model in config.get_models()
    ]
    labels = {model._meta.app_label for model in ours}
    assert labels >= {
        "topics",
        "help",
        "points",
        "activities",
        "volunteers",
        "community_life",
        "grids",
        "registries",
        "participation",
        "home",
        "evaluation",
        "workflows",
    }
    for model in ours:
        before = current_generation()
        _on_content_change(sender=model, instance=None)
        assert current_generation() != before, f"{model._meta.label} does not refresh the public pages"
