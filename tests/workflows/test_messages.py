"""我的消息 on the public site: own messages only, reading, unread count, preferences."""

import pytest
from django.urls import reverse

from workflows.models import Delivery, Message, NotificationPreference
from workflows.registry import register_notification_kind, unregister_notification_kind
from workflows.selectors import review_queue, transition_logs_for, unread_message_count

pytestmark = pytest.mark.django_db


def send(user, subject, **extra):
    return Message.objects.create(recipient=user, kind="sample_review", subject=subject, **extra)


def test_login_required(client):
    for name in ("workflows:message_list", "workflows:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response["Location"]


def test_list_shows_only_own_messages(client, author, reviewer):
    send(author, "给张三的消息")
    send(reviewer, "给李四的消息")
    client.force_login(author)
    response = client.get(reverse("workflows:message_list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "给张三的消息" in content and "给李四的消息" not in content
    assert response.context["unread_count"] == 1


def test_list_is_paginated_by_twenty_newest_first(client, author):
    for number in range(25):
        send(author, f"消息{number:02d}")
    client.force_login(author)
    first = client.get(reverse("workflows:message_list"))
    assert [m.subject for m in first.context["message_list"]][:2] == ["消息24", "消息23"]
    assert len(first.context["message_list"]) == 20
    second = client.get(reverse("workflows:message_list"), {"page": 2})
    assert [m.subject for m in second.context["message_list"]] == [f"消息{n:02d}" for n in range(4, -1, -1)]


def test_opening_a_message_marks_it_read(client, author):
    message = send(author, "审核通过", body="您的议题已通过。", url="/samples/1/")
    send(author, "另一条")
    client.force_login(author)
    assert client.get(reverse("workflows:message_list")).context["unread_message_count"] == 2

    response = client.get(reverse("workflows:message_detail", args=[message.pk]))
    assert response.status_code == 200
    assert "您的议题已通过。" in response.content.decode()
    assert 'href="/samples/1/"' in response.content.decode()
    message.refresh_from_db()
    first_read = message.read_at
    assert first_read is not None
    assert unread_message_count(user=author) == 1
    assert client.get(reverse("workflows:message_list")).context["unread_message_count"] == 1

    client.get(reverse("workflows:message_detail", args=[message.pk]))
    message.refresh_from_db()
    assert message.read_at == first_read  # reading again keeps the first reading time


def test_someone_elses_message_is_404_and_stays_unread(client, author, reviewer):
    message = send(reviewer, "给李四的消息")
    client.force_login(author)
    assert client.get(reverse("workflows:message_detail", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_unsafe_link_is_not_rendered(client, author):
    message = send(author, "可疑链接", url="javascript:alert(1)")
    client.force_login(author)
    response = client.get(reverse("workflows:message_detail", args=[message.pk]))
    assert "javascript:" not in response.content.decode()


def test_mark_all_read(client, author, reviewer):
    send(author, "一")
    send(author, "二")
    send(reviewer, "别人的")
    client.force_login(author)
    assert client.get(reverse("workflows:mark_all_read")).status_code == 405
    response = client.post(reverse("workflows:mark_all_read"))
    assert response.status_code == 302
    assert unread_message_count(user=author) == 0
    assert unread_message_count(user=reviewer) == 1


def test_preferences_list_kinds_and_save(client, author, registered_sample):
    register_notification_kind("points_claim", "积分申领")
    try:
        client.force_login(author)
        form = client.get(reverse("workflows:preferences")).context["form"]
        # Other flows installed in the project register their own kinds too.
        assert {"sample_review", "points_claim"} <= set(form.fields)
        assert form.fields["sample_review"].initial == Delivery.EMAIL_IMMEDIATE  # the site default

        data = {kind: field.initial for kind, field in form.fields.items()}
        data.update({"sample_review": Delivery.DAILY_DIGEST, "points_claim": Delivery.IN_SITE})
        response = client.post(reverse("workflows:preferences"), data)
        assert response.status_code == 302
        saved = dict(NotificationPreference.objects.filter(user=author).values_list("kind", "delivery"))
        assert {kind: saved[kind] for kind in ("sample_review", "points_claim")} == {
            "sample_review": "daily_digest", "points_claim": "in_site"}
        form = client.get(reverse("workflows:preferences")).context["form"]
        assert form.fields["sample_review"].initial == Delivery.DAILY_DIGEST
    finally:
        unregister_notification_kind("points_claim")


def test_preferences_refuse_unknown_delivery(client, author, registered_sample):
    client.force_login(author)
    response = client.post(reverse("workflows:preferences"), {"sample_review": "carrier_pigeon"})
    assert response.status_code == 200
    assert "sample_review" in response.context["form"].errors
    assert not NotificationPreference.objects.exists()


def test_review_queue_selector(author, reviewer, other_staff, superuser, make_submission):
    from tests.workflows.sample import SampleSubmission

    older = make_submission("submitted", title="先提交的")
    newer = make_submission("submitted", title="后提交的")
    make_submission("approved")
    make_submission("submitted", author=reviewer)
    SampleSubmission.objects.filter(pk=older.pk).update(submitted_at=newer.submitted_at.replace(year=2020))

    assert list(review_queue(user=reviewer, model=SampleSubmission)) == [older, newer]
    assert list(review_queue(user=other_staff, model=SampleSubmission)) == []
    assert list(review_queue(user=author, model=SampleSubmission)) == []
    assert review_queue(user=superuser, model=SampleSubmission).count() == 3


def test_timeline_selector_is_per_item_and_chronological(author, reviewer, make_submission):
    from workflows.services import perform_transition

    item = make_submission("draft")
    other = make_submission("submitted")
    item = perform_transition(obj=item, transition="submit", actor=author)
    perform_transition(obj=other, transition="approve", actor=reviewer)
    perform_transition(obj=item, transition="approve", actor=reviewer)
    assert [log.transition for log in transition_logs_for(obj=item)] == ["submit", "approve"]
    assert [log.transition for log in transition_logs_for(obj=other)] == ["approve"]


def test_template_tags_render_timeline_and_unread_count(rf, author, reviewer, make_submission):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    from workflows.services import perform_transition

    item = make_submission("submitted")
    perform_transition(obj=item, transition="return_for_changes", actor=reviewer, comment="请补充门牌照片")
    send(author, "一条未读")
    template = Template(
        "{% load workflows_tags %}{% unread_messages_count as count %}[{{ count }}]"
        "{% transition_timeline item as logs %}"
        '{% include "workflows/includes/timeline.html" with logs=logs %}'
    )
    request = rf.get("/")
    request.user = author
    html = template.render(Context({"item": item, "request": request}))
    assert "[1]" in html and "请补充门牌照片" in html
    assert "李四" not in html  # the public timeline does not name staff unless asked to (show_actor)

    request.user = AnonymousUser()
    assert "[0]" in template.render(Context({"item": item, "request": request}))
