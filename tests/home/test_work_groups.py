"""The work-groups page (standard 5.1.1–5.1.3) and the community home page's links to community life."""

import pytest

from home.models import WorkGroupMember, WorkGroupsPage
from home.models.work_groups import DEFAULT_DUTIES
from participation.roles import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def work_groups(community_a):
    _, home = community_a
    page = WorkGroupsPage(title="工作组", slug="work-groups")
    page.members.add(
        WorkGroupMember(
            group=StaffRole.COORDINATION,
            name="社区党组织书记",
            organisation="party",
            role="组长",
            responsibilities="牵头制定实施方案",
        )
    )
    page.members.add(
        WorkGroupMember(
            group=StaffRole.EVALUATION,
            name="居民代表",
            organisation="resident",
            role="成员",
            responsibilities="参与满意度调查",
        )
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_page_shows_the_four_groups_their_duties_and_members(client, work_groups):
    content = client.get("/wuxing/work-groups/").content.decode()
    headings = ["综合协调组", "建设运行组", "新闻宣传组", "效果评价组"]
    positions = [content.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)  # the standard's order (5.1.1.1)
    for duties in DEFAULT_DUTIES.values():
        assert duties in content
    assert "社区党组织书记" in content and "牵头制定实施方案" in content and "社区（村）党组织" in content
    assert "居（村）民代表" in content
    assert content.count("暂未公布成员") == 2  # operations and publicity have nobody listed


def test_editors_change_the_duties(client, work_groups):
    work_groups.operations_duties = "负责共享客厅的开放与预约。"
    work_groups.save_revision().publish()
    assert "负责共享客厅的开放与预约。" in client.get("/wuxing/work-groups/").content.decode()


def test_the_work_groups_page_is_a_child_of_a_community_home_only():
    from home.models import HomePage, PortalPage

    assert WorkGroupsPage.can_create_at(HomePage()) and not WorkGroupsPage.can_create_at(PortalPage())


@pytest.mark.parametrize("count", [3, 30])
def test_within_the_query_budget(client, work_groups, count, django_assert_max_num_queries):
    for number in range(count):
        work_groups.members.add(
            WorkGroupMember(
                group=StaffRole.OPERATIONS, name=f"成员{number}", organisation="unit", role="成员"
            )
        )
    work_groups.save_revision().publish()
    client.cookies["sessionid"] = "not-a-session"
    client.get("/wuxing/work-groups/")
    with django_assert_max_num_queries(12):
        assert client.get("/wuxing/work-groups/").status_code == 200


def test_the_community_home_links_clubs_spaces_and_services(client, community_a):
    content = client.get("/wuxing/").content.decode()
    for url in ("/clubs/wuxing/", "/spaces/wuxing/", "/services/wuxing/"):
        assert f'href="{url}"' in content


def test_seed_demo_adds_work_groups_plan_experts_and_spaces_once(demo):
    from wagtail.models import Page

    from home.demo import seed_demo
    from participation.community_life.models import SharedSpace

    page = WorkGroupsPage.objects.get(slug="work-groups", url_path__contains="/wuxing/")
    assert page.members.count() == 9
    names = set(page.members.values_list("name", flat=True))
    assert "社区党组织书记" in names and "居民代表" in names
    assert Page.objects.filter(slug="implementation-plan").count() == 2
    assert Page.objects.filter(slug="experts").count() == 2
    assert SharedSpace.objects.filter(community__slug="wuxing").count() == 5
    village = WorkGroupsPage.objects.get(url_path__contains="/xinmin/")
    assert "村党组织书记" in set(village.members.values_list("name", flat=True))
    report = seed_demo()
    assert not any("work groups" in line or "shared spaces" in line for line in report.created)
    assert WorkGroupsPage.objects.count() == 2 and SharedSpace.objects.count() == 10
