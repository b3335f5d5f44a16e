"""The Wagtail admin works under its Content-Security-Policy: a real browser reports no violation while an
editor uses the dashboard, the page editor (with its date pickers and choosers), the live preview, the image
library and our own admin views; and a script from another site is refused."""

import pytest
from playwright.sync_api import expect

from home.models import NewsPage
from participation.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def test_admin_pages_raise_no_csp_violation(live_server, new_page, demo, screenshot):
    base = live_server.url
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    superuser = User.objects.get(mobile="13800000000")
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(superuser.mobile)
    page.locator("#id_password").fill("renren2024")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/admin/")

    news = NewsPage.objects.live().first()
    visited = []
    for path in [
        "/admin/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news.get_parent().pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/self_evaluation/",
        "/admin/help_requests/",
        "/admin/pages/search/?q=议事",
    ]:
        response = page.goto(f"{base}{path}")
        assert response.status == 200, path
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        visited.append(path)
        assert page.evaluate("window.__cspViolations") == [], path

    # The editor's widgets are set up by Wagtail's inline scripts: the date-time picker for 'go live' exists.
    page.goto(f"{base}/admin/pages/{news.pk}/edit/")
    assert page.locator(".xdsoft_datetimepicker").count() >= 1
    # The live preview renders the page inside the admin (a same-site frame).
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_have_text(news.title)
    screenshot(page, "editor-with-preview")
    # The content checks (Wagtail's accessibility checker) run in the editor too.
    page.locator('[data-side-panel-toggle="checks"]').first.click()
    expect(page.locator('[data-side-panel="checks"]')).to_be_visible()
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__cspViolations") == []

    # What the policy is for: a script from another origin is refused.
    page.evaluate("""() => { const s = document.createElement('script'); s.src = 'https://example.invalid/x.js';
                     document.head.appendChild(s); }""")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert "script-src" in page.evaluate("window.__cspViolations")[0]
