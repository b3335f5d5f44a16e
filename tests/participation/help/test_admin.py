"""The admin of 人人解忧铺: menus, inspect with photos and timeline, corrections through the service, catalogues."""

import io
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from participation.help.models import HelpCategory, HelpState, ResponseTemplate
from participation.services import attach_photos
from tests.participation.help.conftest import fresh

pytestmark = pytest.mark.django_db


def test_menu_and_pages_render_for_a_coordinator(client, coordinator_a, make_flow):
    request = make_flow(HelpState.RESOLVED)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    attach_photos(item=request, images=[ContentFile(buffer.getvalue(), name="p.png")], uploaded_by=None)
    client.force_login(coordinator_a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("人人解忧铺", "解忧请求", "解忧类别", "答复模板", "解忧统计"):
        assert label in dashboard or json.dumps(label)[1:-1] in dashboard  # the sidebar is JSON
    inspect = client.get(reverse("help_requests:inspect", args=[request.pk])).content.decode()
    assert "办理过程" in inspect and "已办结" in inspect
    assert "<img" in inspect and "运行甲" in inspect
    for name in (
        "help_requests:index",
        "help_categories:index",
        "help_response_templates:index",
        "help_statistics:index",
        "help_requests:add",
    ):
        assert client.get(reverse(name)).status_code == 200, name


def test_marking_sensitive_takes_a_request_off_the_public_list(client, coordinator_a, make_flow, category_a):
    request = make_flow(is_public=True, summary="邻居噪音")
    client.force_login(coordinator_a)
    response = client.post(
        reverse("help_requests:edit", args=[request.pk]), {"category": category_a.pk, "is_sensitive": "on"}
    )
    assert response.status_code == 302
    assert fresh(request).is_sensitive and not fresh(request).is_public
    assert "<h3>邻居噪音</h3>" not in client.get(reverse("help:list", args=["wuxing"])).content.decode()


def test_categories_and_templates_are_scoped_to_my_community(
    client, coordinator_a, operations_a, community_a, community_b
):
    HelpCategory.objects.create(community=community_b[0], name="乙村类别")
    ResponseTemplate.objects.create(community=community_b[0], title="乙村模板", text="……")
    client.force_login(coordinator_a)
    assert "乙村类别" not in client.get(reverse("help_categories:index")).content.decode()
    response = client.post(
        reverse("help_categories:add"),
        {
            "community": community_a[0].pk,
            "name": "助老服务",
            "response_hours": 12,
            "resolution_days": 3,
            "sort_order": 1,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert HelpCategory.objects.filter(name="助老服务").exists()
    client.force_login(operations_a)
    assert "乙村模板" not in client.get(reverse("help_response_templates:index")).content.decode()
    response = client.post(
        reverse("help_response_templates:add"),
        {
            "community": community_b[0].pk,
            "title": "越权模板",
            "text": "x",
            "is_active": "on",
        },
    )
    assert not ResponseTemplate.objects.filter(title="越权模板").exists()


def test_inspect_shows_empty_values_yes_no_and_local_times_in_chinese(
    client, coordinator_a, make_request, clock
):
    # Submitted at 09:00 Shanghai time (01:00 UTC), not public, not entered by staff (entered_by is empty).
    request = make_request()
    client.force_login(coordinator_a)
    inspect = client.get(reverse("help_requests:inspect", args=[request.pk])).content.decode()
    values = [value.strip() for value in re.findall(r"<dd>(.*?)</dd>", inspect, flags=re.S)]
    assert "None" not in values and "False" not in values and "True" not in values
    assert "否" in values and "-" in values
    assert "2024年3月4日 09:00" in values
    assert "2024年3月4日 01:00" not in values
