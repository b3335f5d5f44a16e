"""Bad input: each gets a clear Chinese error and nothing is saved or changed."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from participation.models import Photo
from participation.topics.models import ConsultationTopic, TopicComment, TopicSupport
from workflows.models import TransitionLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def create_url(community_a):
    return reverse("topics:create", args=[community_a[0].slug])


def form_data(category, **changes):
    return {
        "title": "路灯不亮",
        "description": "晚上很黑",
        "category": category.pk,
        "action": "submit",
        **changes,
    }


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "title, error", [("", "必需字段"), ("   ", "必需字段"), ("长" * 10_000, "确保该变量包含不超过 80 字符")]
)
def test_bad_titles(client, resident_a, category, create_url, title, error):
    client.force_login(resident_a)
    response = client.post(create_url, form_data(category, title=title))
    assert response.status_code == 200
    assert error in response.content.decode() and 'role="alert"' in response.content.decode()
    assert not ConsultationTopic.objects.exists()


def test_too_long_description(client, resident_a, category, create_url):
    client.force_login(resident_a)
    response = client.post(create_url, form_data(category, description="字" * 5001))
    assert "确保该变量包含不超过 5000 字符" in response.content.decode()
    assert not ConsultationTopic.objects.exists()


def test_html_and_script_are_shown_escaped(client, resident_a, neighbour, make_topic, category, create_url):
    evil = '<script>alert("x")</script><b>粗</b>'
    client.force_login(resident_a)
    client.post(create_url, form_data(category, title=evil[:80], description=evil))
    topic = ConsultationTopic.objects.get()
    assert topic.title == evil[:80]  # stored as typed …
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    approved = make_topic("approved", title="正常议题")
    client.force_login(neighbour)
    client.post(reverse("topics:comment", args=[approved.pk]), {"body": evil})
    html = client.get(approved.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;b&gt;粗&lt;/b&gt;" in html


def test_exe_renamed_jpg_is_refused(client, resident_a, category, create_url):
    client.force_login(resident_a)
    program = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 2000, content_type="image/jpeg")
    response = client.post(create_url, {**form_data(category), "photos": [program]})
    assert response.status_code == 200
    assert "photo.jpg: 此文件不是 JPEG、PNG 或 WebP 图片。" in response.content.decode()
    assert not ConsultationTopic.objects.exists() and not Photo.objects.exists()


def test_a_50_mb_upload_is_a_form_error(client, resident_a, category, create_url):
    client.force_login(resident_a)
    big = SimpleUploadedFile("big.jpg", jpeg() + b"\x00" * (50 * 1024 * 1024), content_type="image/jpeg")
    response = client.post(create_url, {**form_data(category), "photos": [big]})
    assert response.status_code == 200
    assert "图片太大" in response.content.decode() or "图片过大" in response.content.decode()
    assert not ConsultationTopic.objects.exists() and not Photo.objects.exists()


def test_a_50_mb_text_body_gets_a_chinese_error_page(client, resident_a, category, create_url):
    client.force_login(resident_a)
    response = client.post(create_url, form_data(category, description="字" * (20 * 1024 * 1024)))
    assert response.status_code == 400
    assert "您提交的内容过大或格式有误" in response.content.decode()
    assert not ConsultationTopic.objects.exists()


def test_a_good_photo_is_kept(client, resident_a, category, create_url):
    client.force_login(resident_a)
    photo = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post(create_url, {**form_data(category), "photos": [photo]})
    topic = ConsultationTopic.objects.get()
    assert Photo.objects.filter(object_id=topic.pk).count() == 1


@pytest.mark.parametrize("transition", ["fly_to_the_moon", "approve", "decide"])
def test_unknown_or_not_allowed_transition(client, resident_a, make_topic, transition):
    topic = make_topic("submitted")
    client.force_login(resident_a)
    response = client.post(reverse("topics:action", args=[topic.pk, transition]), follow=True)
    assert "没有这个操作" in response.content.decode() or response.status_code == 403
    assert ConsultationTopic.objects.get(pk=topic.pk).state == "submitted"
    assert not TransitionLog.objects.exists()


def test_admin_unknown_transition_is_404(client, coordinator_a, make_topic):
    topic = make_topic("submitted")
    client.force_login(coordinator_a)
    response = client.post(
        reverse("consultation_topics:transition", args=[topic.pk, "nope"]), {"seen_state": "x"}
    )
    assert response.status_code == 404
    assert ConsultationTopic.objects.get(pk=topic.pk).state == "submitted"


def test_post_without_csrf_saves_nothing(resident_a, neighbour, make_topic, category, create_url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident_a)
    response = client.post(create_url, form_data(category))
    assert response.status_code == 403
    assert "表单已失效" in response.content.decode()
    approved = make_topic("approved")
    client.force_login(neighbour)
    client.post(reverse("topics:support", args=[approved.pk]))
    client.post(reverse("topics:comment", args=[approved.pk]), {"body": "评论"})
    assert ConsultationTopic.objects.count() == 1
    assert not TopicSupport.objects.exists() and not TopicComment.objects.exists()


def test_another_communitys_form_is_refused(client, resident_a, community_b, category):
    client.force_login(resident_a)
    response = client.post(reverse("topics:create", args=[community_b[0].slug]), form_data(category))
    assert response.status_code == 403
    assert not ConsultationTopic.objects.exists()


def test_a_category_of_another_community_is_refused(client, resident_a, community_b, create_url):
    from participation.topics.models import TopicCategory

    foreign = TopicCategory.objects.create(name="村里专用", community=community_b[0])
    client.force_login(resident_a)
    response = client.post(create_url, form_data(foreign))
    assert response.status_code == 200 and "category" in response.context["form"].errors
    assert not ConsultationTopic.objects.exists()
