"""Public pages stay within the query budget whatever the number of items; response templates in the admin."""

import threading

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.urls import reverse

from participation.help import services
from participation.help.models import HelpRequest, HelpState, ResponseTemplate
from tests.participation.help.conftest import fresh


def make_many(make_flow, count):
    return [make_flow(summary=f"请求{i}", is_public=True) for i in range(count)]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_public_list_query_count(client, make_flow, count, django_assert_max_num_queries):
    make_many(make_flow, count)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("help:list", args=["wuxing"]))
    assert response.status_code == 200 and response.content.decode().count('class="card"') == min(count, 20)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_my_account_and_detail_query_count(
    client, make_flow, resident_a, count, django_assert_max_num_queries
):
    requests = make_many(make_flow, count)
    client.force_login(resident_a)
    # 我的 gathers one section per flow: it has its own budget (see tests/participation/points/test_pages.py).
    with django_assert_max_num_queries(25):
        assert client.get(reverse("my_account")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("help:detail", args=[requests[-1].pk])).status_code == 200


@pytest.mark.django_db
def test_form_and_tracking_page_query_count(client, make_flow, category_a, django_assert_max_num_queries):
    request = make_flow(HelpState.RESOLVED, requester=None)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("help:new", args=["wuxing"])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("help:track", args=[request.token])).status_code == 200


@pytest.mark.django_db
def test_public_list_is_paginated(client, make_flow):
    make_many(make_flow, 21)
    page_two = client.get(reverse("help:list", args=["wuxing"]), {"page": 2}).content.decode()
    assert page_two.count('class="card"') == 1 and "请求0" in page_two


@pytest.mark.django_db
def test_response_templates_are_offered_without_inline_script(client, make_flow, community_a, operations_a):
    ResponseTemplate.objects.create(
        community=community_a[0], title="已派人维修", text="您好，我们已安排维修人员上门。"
    )
    request = make_flow(HelpState.IN_PROGRESS)
    client.force_login(operations_a)
    page = client.get(reverse("help_requests:transition", args=[request.pk, "resolve"])).content.decode()
    assert 'data-response-template-for="id_comment"' in page
    assert 'data-text="您好，我们已安排维修人员上门。"' in page
    assert "help/response_templates" in page and finders.find("help/response_templates.js")
    assert "<script>" not in page.split("help/response_templates")[0].rsplit("<body", 1)[-1][-200:]


@pytest.mark.django_db
def test_home_page_links_to_the_help_desk(client, community_a):
    page = client.get("/wuxing/").content.decode()
    assert reverse("help:new", args=["wuxing"]) in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite locks the file"
)
def test_two_coordinators_accepting_at_once(make_flow, coordinator_a, make_staff, community_a):
    from participation.roles import StaffRole

    second = make_staff("13800000106", StaffRole.COORDINATION, community_a[0], "协调丙")
    request = make_flow()
    barrier, outcomes = threading.Barrier(2), []

    def accept(actor):
        try:
            barrier.wait()
            services.take_transition(
                request=HelpRequest.objects.get(pk=request.pk), transition="accept", actor=actor
            )
            outcomes.append("ok")
        except services.WorkflowError as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(user,)) for user in (coordinator_a, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["AlreadyHandled", "ok"]
    assert fresh(request).state == HelpState.ACCEPTED
