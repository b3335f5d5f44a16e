"""The whole life of a request: a resident through the public site and the admin; a visitor with the link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from participation.help.models import HelpRequest, HelpState
from tests.participation.help.conftest import T0, fresh
from workflows.models import Message, TransitionLog

pytestmark = pytest.mark.django_db


def admin_transition(client, request, name, data=None):
    url = reverse("help_requests:transition", args=[request.pk, name])
    return client.post(url, {"seen_state": fresh(request).state, "comment": "", **(data or {})})


def test_resident_lifecycle(client, clock, resident_a, coordinator_a, operations_a, category_a, community_a):
    resident_a.email = "zhang@example.com"
    resident_a.save()
    client.force_login(resident_a)
    response = client.post(
        reverse("help:new", args=["wuxing"]),
        {
            "category": category_a.pk,
            "summary": "楼道灯坏了",
            "description": "三楼楼道灯不亮。",
            "is_public": "on",
        },
    )
    request = HelpRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("help:detail", args=[request.pk])
    assert request.state == HelpState.SUBMITTED
    assert (request.requester_name, request.requester_phone) == ("张小明", resident_a.mobile)
    assert request.submitted_at == T0
    assert request.response_due_at == T0 + timedelta(hours=24)
    assert request.resolution_due_at == T0 + timedelta(days=7)
    # The coordinators hear of it; the resident sees it under 我的 and at /help/<pk>/.
    assert Message.objects.filter(recipient=coordinator_a, kind="help_request").exists()
    assert "楼道灯坏了" in client.get(reverse("my_account")).content.decode()
    assert "待受理" in client.get(reverse("help:detail", args=[request.pk])).content.decode()

    client.force_login(coordinator_a)
    clock.advance(hours=2)
    assert admin_transition(client, request, "accept").status_code == 302
    assert fresh(request).responded_at == clock.moment
    admin_transition(client, request, "assign", {"staff": operations_a.pk})
    assert fresh(request).state == HelpState.ASSIGNED and fresh(request).assigned_staff == operations_a

    client.force_login(operations_a)
    admin_transition(client, request, "start")
    admin_transition(client, request, "resolve", {"comment": "已更换灯泡，恢复照明。"})
    resolved = fresh(request)
    assert resolved.state == HelpState.RESOLVED and resolved.resolution_note == "已更换灯泡，恢复照明。"

    client.force_login(resident_a)
    page = client.get(reverse("help:detail", args=[request.pk])).content.decode()
    assert "已更换灯泡" in page and 'name="rating"' in page
    response = client.post(reverse("help:act", args=[request.pk, "confirm"]), {"rating": "4"})
    assert response.status_code == 302
    closed = fresh(request)
    assert closed.state == HelpState.CLOSED and closed.rating == 4 and closed.closed_at == clock.moment
    assert [log.to_state for log in TransitionLog.objects.order_by("pk")] == [
        "submitted",
        "accepted",
        "assigned",
        "in_progress",
        "resolved",
        "closed",
    ]
    # The resident got a message (and an email) for every step someone else took.
    to_resident = Message.objects.filter(recipient=resident_a)
    assert to_resident.count() == 4  # accepted, assigned, in progress, resolved
    assert any("zhang@example.com" in message.to for message in mail.outbox)


def test_resident_reopens_then_closes_again(client, clock, make_flow, resident_a, operations_a):
    request = make_flow(HelpState.RESOLVED)
    client.force_login(resident_a)
    clock.advance(days=3)
    response = client.post(reverse("help:act", args=[request.pk, "reopen"]), {"reason": "灯又不亮了。"})
    assert response.status_code == 302
    reopened = fresh(request)
    assert reopened.state == HelpState.IN_PROGRESS
    assert TransitionLog.objects.filter(transition="reopen").get().comment == "灯又不亮了。"
    # The handler is told.
    assert Message.objects.filter(recipient=operations_a, transition_log__transition="reopen").exists()


def test_visitor_lifecycle_with_tracking_link(
    client, clock, category_a, coordinator_a, operations_a, committed
):
    response = client.post(
        reverse("help:new", args=["wuxing"]),
        {
            "name": "孙访客",
            "phone": "１３７ ００００ ０００１",
            "category": category_a.pk,
            "summary": "下水道堵了",
            "description": "小区东门下水道堵塞。",
        },
    )
    request = HelpRequest.objects.get()
    assert request.author is None and request.requester_phone == "13700000001"
    track_url = response["Location"]
    assert track_url.startswith("/help/track/")
    token = track_url.split("/")[3]
    assert request.tracking_token_hash != token and len(token) >= 32
    page = client.get(track_url)
    assert page["Referrer-Policy"] == "no-referrer" and "private" in page["Cache-Control"]
    assert "下水道堵了" in page.content.decode() and "待受理" in page.content.decode()

    from participation.help import services

    with committed():
        request = services.take_transition(request=request, transition="accept", actor=coordinator_a)
        request = services.assign(request=request, actor=coordinator_a, staff=operations_a)
        request = services.take_transition(request=request, transition="start", actor=operations_a)
        services.resolve(request=request, actor=operations_a, note="已疏通。")
    page = client.get(track_url).content.decode()
    assert "已疏通" in page and "已受理" in page

    response = client.post(f"{track_url}confirm/", {"rating": "5", "comment": "很快，谢谢"})
    assert response.status_code == 302 and response["Location"] == track_url
    closed = fresh(request)
    assert closed.state == HelpState.CLOSED and closed.rating == 5
    log = TransitionLog.objects.get(transition="close")
    assert log.actor is None and log.comment == "很快，谢谢"
    # No account, so no in-site messages for the visitor; the handler hears of the rating.
    assert Message.objects.filter(recipient=operations_a, transition_log=log).exists()

    clock.advance(days=1)
    client.post(f"{track_url}reopen/", {"reason": "又堵了"})
    assert fresh(request).state == HelpState.IN_PROGRESS


def test_unknown_token_is_404(client):
    assert client.get("/help/track/not-a-real-token/").status_code == 404
    assert client.post("/help/track/not-a-real-token/confirm/", {"rating": "5"}).status_code == 404


def test_visitor_may_withdraw_while_waiting(client, make_request):
    request = make_request(requester=None)
    client.post(f"/help/track/{request.token}/withdraw/")
    assert fresh(request).state == HelpState.WITHDRAWN


def test_staff_enters_request_for_resident_who_phoned(
    client, coordinator_a, resident_a, category_a, community_a
):
    client.force_login(coordinator_a)
    url = reverse("help_requests:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "community": community_a[0].pk,
            "resident": resident_a.pk,
            "channel": "phone",
            "category": category_a.pk,
            "summary": "老人需要送餐",
            "description": "独居老人腿脚不便。",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    request = HelpRequest.objects.get()
    assert request.author == resident_a and request.entered_by == coordinator_a and request.channel == "phone"
    assert TransitionLog.objects.get().actor == coordinator_a
    # The resident still gets the messages.
    assert Message.objects.filter(recipient=resident_a).exists()


def test_staff_enters_request_for_walk_in_without_account(client, operations_a, category_a, community_a):
    client.force_login(operations_a)
    response = client.post(
        reverse("help_requests:add"),
        {
            "community": community_a[0].pk,
            "name": "钱阿姨",
            "phone": "13600000001",
            "channel": "in_person",
            "category": category_a.pk,
            "summary": "门禁卡丢了",
            "description": "需要补办门禁卡。",
        },
        follow=True,
    )
    request = HelpRequest.objects.get()
    assert request.author is None and request.tracking_token_hash
    assert "/help/track/" in response.content.decode()  # the link, shown once to hand over
