"""Fixtures shared by every test: a street portal with communities, and users of each role."""

import pytest
from django.core.management import call_command
from django.utils import translation

from home.services import build_community_site, ensure_portal
from participation import services
from participation.models import CommunityKind
from participation.roles import StaffRole

PASSWORD = "renren-test-2024"


def pytest_sessionstart(session):
    # Tests read Chinese text: make sure the catalogues are compiled, as `make run` does.
    import django

    django.setup()
    call_command("compile_translations", verbosity=0)
    # Catalogues loaded before they were compiled (a fresh clone) are cached empty: forget them.
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None


def pytest_collection_modifyitems(session, config, items):
    # Browser journeys last: they are slow, and they lift Django's async guard for the rest of the session.
    items.sort(key=lambda item: "/e2e/" in str(item.fspath))
    # A transactional test flushes the database, taking the migrations' data (root page, groups, the 24 tasks)
    # with it; serialized_rollback puts it back for the next test, and only works if every such test uses it.
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def _chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # Login throttling counts in the cache: one test's failed logins must not lock out the next test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal(db):
    return ensure_portal(title="五星街道“人人社区”")


@pytest.fixture
def make_community(portal):
    def make(name="五星社区", slug="wuxing", kind=CommunityKind.URBAN, **fields):
        community = services.create_community(name=name, slug=slug, kind=kind, street="五星街道", **fields)
        home = build_community_site(community=community, portal=portal, title=name, slug=slug)
        return community, home

    return make


@pytest.fixture
def community_a(make_community):
    return make_community("五星社区", "wuxing", resident_population=10000, households=3500)


@pytest.fixture
def community_b(make_community):
    return make_community("新民村", "xinmin", kind=CommunityKind.VILLAGE, resident_population=3000)


@pytest.fixture
def make_staff(db):
    def make(mobile, role, community, name="工作人员"):
        from participation.models import User

        user = User.objects.create_user(mobile, PASSWORD, display_name=name)
        services.add_staff_member(user=user, community=community, role=role)
        return user

    return make


@pytest.fixture
def publicity_a(make_staff, community_a):
    return make_staff("13800000101", StaffRole.PUBLICITY, community_a[0], "宣传甲")


@pytest.fixture
def coordinator_a(make_staff, community_a):
    return make_staff("13800000102", StaffRole.COORDINATION, community_a[0], "协调甲")


@pytest.fixture
def coordinator_b(make_staff, community_b):
    return make_staff("13800000202", StaffRole.COORDINATION, community_b[0], "协调乙")


@pytest.fixture
def publicity_b(make_staff, community_b):
    return make_staff("13800000201", StaffRole.PUBLICITY, community_b[0], "宣传乙")


@pytest.fixture
def resident_a(community_a):
    return services.create_resident(
        mobile="13900000101", password=PASSWORD, display_name="张小明", community=community_a[0]
    )


@pytest.fixture
def resident_b(community_b):
    return services.create_resident(
        mobile="13900000201", password=PASSWORD, display_name="李秀英", community=community_b[0]
    )


@pytest.fixture
def demo(db):
    from home.demo import seed_demo

    return seed_demo()
