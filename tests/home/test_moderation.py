"""宣传审核: a publicity editor's page goes live only after a coordinator of the same community approves."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import NewsIndexPage, NewsPage
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(community_a):
    _, home = community_a
    return home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))


def news_form(title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": "a-news",
            "date": "2026-11-20",
            "summary": "摘要",
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def login(client, user):
    assert client.login(mobile=user.mobile, password=PASSWORD)


def add_news(client, news_index, action):
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", news_index.pk))
    return client.post(url, news_form("社区新闻一则", action))


def approve_url(page):
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )


def test_publicity_editor_cannot_publish_directly(client, publicity_a, news_index):
    login(client, publicity_a)
    add_news(client, news_index, "action-publish")
    page = NewsPage.objects.get(slug="a-news")
    assert not page.live
    assert not page.permissions_for_user(publicity_a).can_publish()


def test_submitted_page_goes_live_after_coordinator_approves(client, publicity_a, coordinator_a, news_index):
    login(client, publicity_a)
    add_news(client, news_index, "action-submit")
    page = NewsPage.objects.get(slug="a-news")
    assert not page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "宣传审核"

    client.logout()
    login(client, coordinator_a)
    response = client.post(approve_url(page), {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_coordinator_of_another_community_cannot_approve(client, publicity_a, coordinator_b, news_index):
    login(client, publicity_a)
    add_news(client, news_index, "action-submit")
    page = NewsPage.objects.get(slug="a-news")
    client.logout()
    login(client, coordinator_b)
    response = client.post(approve_url(page), {"comment": ""})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live


def test_review_queue_lists_only_own_community(client, publicity_a, coordinator_a, coordinator_b, news_index):
    login(client, publicity_a)
    add_news(client, news_index, "action-submit")
    page = NewsPage.objects.get(slug="a-news")
    from wagtail.models import TaskState

    assert TaskState.objects.reviewable_by(coordinator_a).filter(revision__object_id=str(page.pk)).exists()
    assert not TaskState.objects.reviewable_by(coordinator_b).exists()


def test_staff_of_one_community_cannot_edit_anothers_pages(client, publicity_b, community_a):
    _, home_a = community_a
    login(client, publicity_b)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(home_a.pk,)))
    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=home_a.pk).permissions_for_user(publicity_b).can_edit()


def test_staff_can_edit_their_own_community_pages(client, publicity_a, community_a):
    _, home_a = community_a
    login(client, publicity_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(home_a.pk,))).status_code == 200


def test_resident_has_no_admin_access(client, resident_a):
    login(client, resident_a)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_every_community_home_carries_the_workflow(community_a, community_b):
    for _, home in (community_a, community_b):
        assert home.get_workflow().name == "宣传审核"
