"""Bad input: a clear Chinese error, nothing saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from participation.help import services
from participation.help.models import HelpRequest, HelpState
from participation.models import Photo
from tests.participation.help.conftest import fresh

pytestmark = pytest.mark.django_db


def post_new(client, category, **data):
    payload = {
        "name": "孙访客",
        "phone": "13700000001",
        "category": category.pk,
        "summary": "下水道堵了",
        "description": "小区东门下水道堵塞。",
        **data,
    }
    return client.post(reverse("help:new", args=["wuxing"]), payload)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("field, message", [("name", "请填写您的姓名"), ("phone", "请填写您的手机号码")])
def test_visitor_must_leave_contact(client, category_a, field, message):
    response = post_new(client, category_a, **{field: ""})
    assert response.status_code == 200 and message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize("phone", ["1380000000", "23800000000", "138-0000-000a", "电话13800000000"])
def test_malformed_mobile_is_refused(client, category_a, phone):
    response = post_new(client, category_a, phone=phone)
    assert "请输入有效的 11 位手机号码" in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_full_width_digits_and_spaces_are_accepted(client, category_a):
    post_new(client, category_a, phone="１３８ ０００ ０００ ００")
    assert HelpRequest.objects.get().requester_phone == "13800000000"


def test_summary_over_80_characters_is_refused(client, category_a):
    response = post_new(client, category_a, summary="长" * 81)
    assert response.status_code == 200 and not HelpRequest.objects.exists()


def test_category_of_another_community_is_refused(client, category_a, category_b):
    response = post_new(client, category_b)
    assert response.status_code == 200 and "category" in response.context["form"].errors
    assert not HelpRequest.objects.exists()


def test_fake_and_oversized_images_are_refused(client, category_a, settings, monkeypatch):
    fake = SimpleUploadedFile("photo.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = post_new(client, category_a, photos=[fake])
    assert (
        "photo.jpg：此文件不是 JPEG、PNG 或 WebP 图片" in response.content.decode()
        or "photo.jpg: 此文件不是 JPEG、PNG 或 WebP 图片" in response.content.decode()
    )
    monkeypatch.setattr("participation.uploads.MAX_BYTES", 10)
    big = SimpleUploadedFile("big.png", png_bytes(), content_type="image/png")
    response = post_new(client, category_a, photos=[big])
    assert "big.png" in response.content.decode()
    assert not HelpRequest.objects.exists() and not Photo.objects.exists()


def test_photos_are_attached_to_the_request(client, category_a):
    post_new(client, category_a, photos=[SimpleUploadedFile("ok.png", png_bytes(), content_type="image/png")])
    assert Photo.objects.get().object_id == HelpRequest.objects.get().pk


@pytest.mark.parametrize("rating", ["0", "6", "abc", ""])
def test_rating_outside_1_to_5_is_refused(client, make_flow, resident_a, rating):
    request = make_flow(HelpState.RESOLVED)
    client.force_login(resident_a)
    response = client.post(reverse("help:act", args=[request.pk, "confirm"]), {"rating": rating})
    assert response.status_code == 400 and "请选择1到5分的评分" in response.content.decode()
    assert fresh(request).state == HelpState.RESOLVED and fresh(request).rating is None


def test_service_and_database_refuse_a_rating_outside_1_to_5(make_flow, resident_a):
    request = make_flow(HelpState.RESOLVED)
    with pytest.raises(services.InvalidRating) as error:
        services.confirm_and_rate(request=request, actor=resident_a, rating=9)
    assert "1到5" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequest.objects.filter(pk=request.pk).update(rating=6)


def test_confirming_someone_elses_request_is_refused(client, make_flow, resident_a2):
    request = make_flow(HelpState.RESOLVED)
    client.force_login(resident_a2)
    response = client.post(reverse("help:act", args=[request.pk, "confirm"]), {"rating": "5"})
    assert response.status_code == 403 and "只有提出该请求的人才能进行此操作" in response.content.decode()
    assert fresh(request).state == HelpState.RESOLVED


def test_reopening_after_30_days_is_refused(client, make_flow, resident_a, clock):
    request = make_flow(HelpState.CLOSED)
    clock.advance(days=31)
    client.force_login(resident_a)
    response = client.post(
        reverse("help:act", args=[request.pk, "reopen"]), {"reason": "又坏了"}, follow=True
    )
    assert "办结已超过30天，不能再重新打开" in response.content.decode()
    assert fresh(request).state == HelpState.CLOSED and fresh(request).rating == 5


def test_reopening_within_30_days_is_allowed(make_flow, resident_a, clock):
    request = make_flow(HelpState.CLOSED)
    clock.advance(days=30)
    assert services.reopen(request=request, actor=resident_a, reason="又坏了").state == HelpState.IN_PROGRESS


def test_reopen_needs_a_reason(client, make_flow, resident_a):
    request = make_flow(HelpState.RESOLVED)
    client.force_login(resident_a)
    response = client.post(reverse("help:act", args=[request.pk, "reopen"]), {"reason": "  "})
    assert "请说明重新打开的原因" in response.content.decode()
    assert fresh(request).state == HelpState.RESOLVED


def test_resolution_note_is_required(client, make_flow, operations_a):
    request = make_flow(HelpState.IN_PROGRESS)
    client.force_login(operations_a)
    response = client.post(
        reverse("help_requests:transition", args=[request.pk, "resolve"]),
        {"seen_state": "in_progress", "comment": ""},
    )
    assert response.status_code == 200 and fresh(request).state == HelpState.IN_PROGRESS
