"""Journey 2: a publicity editor creates a news page and submits it; a coordinator approves; it is live."""

import pytest
from playwright.sync_api import expect

from home.models import NewsIndexPage, NewsPage
from tests.conftest import PASSWORD

# serialized_rollback: transactional tests before this one flushed the data the migrations created.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def admin_login(page, base_url, user):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(user.mobile)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base_url}/admin/")


def test_news_page_goes_live_only_after_coordinator_approval(
    live_server, new_page, screenshot, publicity_a, coordinator_a, community_a
):
    _, home = community_a
    news_index = home.add_child(instance=NewsIndexPage(title="社区新闻", slug="news"))
    base = live_server.url

    editor = new_page()
    admin_login(editor, base, publicity_a)
    editor.goto(f"{base}/admin/pages/add/home/newspage/{news_index.pk}/")
    editor.locator("#id_title").fill("楼道堆物清理行动")
    editor.locator("#id_summary").fill("本周六上午集中清理楼道堆放的杂物。")
    screenshot(editor, "1-editor-form")
    editor.get_by_role("button", name="更多动作").click()
    submit = editor.locator('button[name="action-submit"]')
    assert "宣传审核" in submit.inner_text()
    submit.click()
    editor.wait_for_url(f"{base}/admin/pages/{news_index.pk}/")
    screenshot(editor, "2-submitted")

    page_obj = NewsPage.objects.get(title="楼道堆物清理行动")
    assert not page_obj.live
    visitor = new_page()
    assert visitor.goto(f"{base}/wuxing/news/{page_obj.slug}/").status == 404

    reviewer = new_page()
    admin_login(reviewer, base, coordinator_a)
    panel = reviewer.locator("section", has_text="等待你的审查").first
    assert "楼道堆物清理行动" in panel.inner_text()
    screenshot(reviewer, "3-review-queue")
    panel.get_by_role("button", name="动作").click()
    panel.get_by_role("button", name="批准", exact=True).click()
    reviewer.wait_for_load_state()
    # The queue empties once the page is approved (Wagtail reloads the dashboard).
    expect(reviewer.get_by_text("楼道堆物清理行动")).to_have_count(0)
    screenshot(reviewer, "4-approved")

    page_obj.refresh_from_db()
    assert page_obj.live
    response = visitor.goto(f"{base}/wuxing/news/{page_obj.slug}/")
    assert response.status == 200
    assert visitor.get_by_role("heading", level=1).inner_text() == "楼道堆物清理行动"
    screenshot(visitor, "5-live")
