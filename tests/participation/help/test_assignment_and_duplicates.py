"""Assignment to each kind of handler, and duplicates linked to their original (whose news they follow)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from participation.help import services
from participation.help.models import HelpRequest, HelpState
from participation.registries.models import SocialOrganisation
from tests.participation.help.conftest import fresh
from workflows.models import Message

pytestmark = pytest.mark.django_db


def test_assign_to_staff_member(make_flow, coordinator_a, operations_a, committed):
    request = make_flow(HelpState.ACCEPTED)
    with committed():
        assigned = services.assign(
            request=request, actor=coordinator_a, staff=operations_a, comment="请今天处理"
        )
    assert assigned.handler_kind == "staff" and assigned.handler_display == "运行甲"
    message = Message.objects.get(recipient=operations_a, transition_log__transition="assign")
    assert "您处理的解忧请求" in message.subject and "请今天处理" in message.body
    assert message.url.startswith("/admin/")


def test_assign_to_volunteer_who_handles_on_the_public_site(
    client, make_flow, coordinator_a, volunteer_a, resident_a, committed
):
    request = make_flow(HelpState.ACCEPTED)
    with committed():
        services.assign(request=request, actor=coordinator_a, volunteer=volunteer_a)
    assert fresh(request).handler_kind == "volunteer"
    message = Message.objects.get(recipient=volunteer_a)
    assert message.url == reverse("help:detail", args=[request.pk])

    client.force_login(volunteer_a)
    page = client.get(reverse("help:detail", args=[request.pk])).content.decode()
    assert "开始处理" in page
    assert resident_a.mobile not in page and "张小明" not in page  # the requester's contact stays with staff
    client.post(reverse("help:act", args=[request.pk, "start"]))
    client.post(reverse("help:act", args=[request.pk, "resolve"]), {"note": "已陪同老人就医。"})
    resolved = fresh(request)
    assert resolved.state == HelpState.RESOLVED and resolved.resolution_note == "已陪同老人就医。"
    assert "王志愿" in client.get(reverse("my_account")).content.decode()
    # The volunteer cannot confirm the request in the requester's place.
    response = client.post(reverse("help:act", args=[request.pk, "confirm"]), {"rating": "5"})
    assert response.status_code == 403 and fresh(request).state == HelpState.RESOLVED


def organisation(community, name="阳光社工服务中心", **fields):
    return SocialOrganisation.objects.create(
        community=community, name=name, org_type="service", status="filed", **fields
    )


def test_assign_to_social_organisation_and_operations_acts_for_it(
    make_flow, coordinator_a, operations_a, community_a
):
    request = make_flow(HelpState.ACCEPTED)
    sunshine = organisation(community_a[0], contact_name="刘老师", contact_phone="13500000000")
    assigned = services.assign(request=request, actor=coordinator_a, organisation=sunshine)
    assert assigned.handler_kind == "organisation" and assigned.assigned_organisation == sunshine
    # Its name and contact as they were at assignment stay with the request.
    assert (assigned.handler_display, assigned.assigned_organisation_contact) == (
        "阳光社工服务中心",
        "刘老师 13500000000",
    )
    started = services.take_transition(request=assigned, transition="start", actor=operations_a)
    assert started.state == HelpState.IN_PROGRESS


def test_reassignment_replaces_the_handler(make_flow, coordinator_a, volunteer_a):
    request = make_flow(HelpState.ASSIGNED)
    reassigned = services.assign(request=request, actor=coordinator_a, volunteer=volunteer_a)
    assert reassigned.assigned_staff is None and reassigned.assigned_volunteer == volunteer_a


@pytest.mark.parametrize("kwargs", [{}, {"both": True}])
def test_exactly_one_handler_is_required(make_flow, coordinator_a, operations_a, volunteer_a, kwargs):
    request = make_flow(HelpState.ACCEPTED)
    extra = {"staff": operations_a, "volunteer": volunteer_a} if kwargs else {}
    with pytest.raises(services.InvalidHandler) as error:
        services.assign(request=request, actor=coordinator_a, **extra)
    assert "三者选一" in str(error.value)
    assert fresh(request).state == HelpState.ACCEPTED and fresh(request).handler_kind is None


def test_handler_from_another_community_is_refused(make_flow, coordinator_a, operations_b, resident_b):
    request = make_flow(HelpState.ACCEPTED)
    with pytest.raises(services.InvalidHandler):
        services.assign(request=request, actor=coordinator_a, staff=operations_b)
    with pytest.raises(services.InvalidHandler):
        services.assign(request=request, actor=coordinator_a, volunteer=resident_b)
    assert fresh(request).state == HelpState.ACCEPTED


def test_database_refuses_two_handlers(make_flow, operations_a, volunteer_a):
    request = make_flow(HelpState.ASSIGNED)
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequest.objects.filter(pk=request.pk).update(assigned_volunteer=volunteer_a)


def test_admin_assign_form_lists_community_handlers(
    client, make_flow, coordinator_a, operations_a, operations_b
):
    request = make_flow(HelpState.ACCEPTED)
    client.force_login(coordinator_a)
    page = client.get(reverse("help_requests:transition", args=[request.pk, "assign"])).content.decode()
    assert "运行甲" in page and "运行乙" not in page
    other = organisation(request.community, "某组织")
    response = client.post(
        reverse("help_requests:transition", args=[request.pk, "assign"]),
        {"seen_state": "accepted", "staff": operations_a.pk, "organisation": other.pk},
    )
    assert response.status_code == 200 and "三者选一" in response.content.decode()
    assert fresh(request).state == HelpState.ACCEPTED


def test_duplicate_is_linked_and_its_requester_follows_the_original(
    client, make_flow, coordinator_a, operations_a, resident_a, resident_a2, committed
):
    original = make_flow(HelpState.ACCEPTED)
    duplicate = make_flow(requester=resident_a2, summary="三楼灯不亮")
    client.force_login(coordinator_a)
    url = reverse("help_requests:transition", args=[duplicate.pk, "mark_duplicate"])
    assert "楼道灯坏了" in client.get(url).content.decode()
    client.post(url, {"seen_state": "submitted", "original": original.pk, "comment": f"与#{original.pk}相同"})
    marked = fresh(duplicate)
    assert marked.state == HelpState.DUPLICATE and marked.duplicate_of == original
    # The duplicate's requester is told, and then hears of each step of the original.
    assert Message.objects.filter(recipient=resident_a2, transition_log__transition="mark_duplicate").exists()
    with committed():
        services.assign(request=original, actor=coordinator_a, staff=operations_a)
    followed = Message.objects.get(recipient=resident_a2, transition_log__transition="assign")
    assert "您关注的解忧请求" in followed.subject and followed.url == reverse(
        "help:detail", args=[duplicate.pk]
    )
    client.force_login(resident_a2)
    page = client.get(reverse("help:detail", args=[duplicate.pk])).content.decode()
    assert "已与先前的请求合并处理" in page and "已派单" in page


def test_original_must_be_of_the_same_community(
    make_flow, make_request, coordinator_a, category_b, resident_b
):
    other = make_request(requester=resident_b, category=category_b)
    request = make_flow()
    with pytest.raises(services.InvalidOriginal):
        services.mark_duplicate(request=request, actor=coordinator_a, original=other)
    with pytest.raises(services.InvalidOriginal):
        services.mark_duplicate(request=request, actor=coordinator_a, original=request)
    assert fresh(request).state == HelpState.SUBMITTED and fresh(request).duplicate_of is None


def test_only_an_active_organisation_of_the_communitys_registry_may_handle(
    client, make_flow, coordinator_a, operations_a, community_a, community_b
):
    request = make_flow(HelpState.ACCEPTED)
    elsewhere = organisation(community_b[0], "别村的组织")
    retired = organisation(community_a[0], "已注销的组织", is_active=False)
    for refused in (elsewhere, retired):
        with pytest.raises(services.InvalidHandler) as error:
            services.assign(request=request, actor=coordinator_a, organisation=refused)
        assert "社会组织" in str(error.value)
    assert fresh(request).state == HelpState.ACCEPTED
    sunshine = organisation(community_a[0], contact_name="刘老师")
    client.force_login(coordinator_a)
    url = reverse("help_requests:transition", args=[request.pk, "assign"])
    page = client.get(url).content.decode()
    assert "阳光社工服务中心" in page and "别村的组织" not in page and "已注销的组织" not in page
    response = client.post(url, {"seen_state": "accepted", "organisation": sunshine.pk})
    assert response.status_code == 302 and fresh(request).assigned_organisation == sunshine
    inspect = client.get(reverse("help_requests:inspect", args=[request.pk])).content.decode()
    assert "阳光社工服务中心（刘老师）" in inspect
    client.force_login(operations_a)  # who keeps the registry gets a link to its entry
    inspect = client.get(reverse("help_requests:inspect", args=[request.pk])).content.decode()
    assert reverse("social_organisations:edit", args=[sunshine.pk]) in inspect
