"""Public pages carry a CSP without inline scripts, and contain none."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/wuxing/",
        "/wuxing/news/",
        "/wuxing/news/news-1/",
        "/wuxing/activities/",
        "/wuxing/behaviours/",
        "/accounts/login/",
        "/accounts/signup/",
        "/search/?q=议事",
    ],
)
def test_public_pages_have_strict_headers_and_no_inline_script(client, demo, url):
    cache.clear()
    for _ in range(2):  # the second answer may come from the page cache: it must carry the headers too
        response = client.get(url)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url
        assert ' style="' not in html, url


def test_admin_has_its_own_policy_and_the_preview_can_be_framed_by_the_admin_only(client, demo):
    from home.models import NewsPage
    from participation.models import User

    client.force_login(User.objects.get(mobile="13800000000"))
    news = NewsPage.objects.live().first()
    dashboard = client.get("/admin/")
    csp = dashboard["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp and "form-action 'self'" in csp
    assert "unsafe-eval" not in csp and "script-src 'self' 'unsafe-inline'" in csp
    assert dashboard["X-Frame-Options"] == "SAMEORIGIN"
    # The preview is rendered through the middleware for the page's public URL, yet is served in the admin.
    preview = client.get(f"/admin/pages/{news.pk}/edit/preview/")
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # The public page itself still may not be framed at all.
    public = client.get(news.url)
    assert (
        "frame-ancestors 'none'" in public["Content-Security-Policy"] and public["X-Frame-Options"] == "DENY"
    )
