"""Journey 3: the operations group has submitted evidence for a construction task; a reviewer of the
community's 效果评价组 finds it from the admin dashboard, approves it, and the self-evaluation and the public
indicator page count the task as achieved."""

import datetime

import pytest
from playwright.sync_api import expect

from evaluation import services
from evaluation.models import ConstructionTask
from participation.roles import StaffRole
from tests.e2e.conftest import PHONE, assert_phone_page_ok
from tests.e2e.test_publicity_journey import admin_login
from workflows.services import perform_transition

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EVIDENCE = "“人人议事厅”共享客厅建成启用"
# Task 3 (binding) has no indicator of its own: approved evidence alone makes it achieved.
TASK_NUMBER = 3


def task_row(page, number):
    """The row of task `number` in a progress table (its first cell is the number)."""
    return page.locator("tbody tr").filter(has=page.locator(f"xpath=./td[1][normalize-space()='{number}']"))


@pytest.fixture
def submitted_evidence(community_a, make_staff):
    community, _home = community_a
    operations = make_staff("13800000103", StaffRole.OPERATIONS, community, "运行甲")
    evidence = services.create_evidence(
        author=operations,
        community=community,
        task=ConstructionTask.objects.get(number=TASK_NUMBER),
        title=EVIDENCE,
        description="三楼活动室改建为议事厅，配备桌椅和投影，每周向居民开放。",
        start_date=datetime.date(2026, 3, 15),
    )
    return perform_transition(obj=evidence, transition="submit", actor=operations)


def test_evaluation_reviewer_approves_evidence_and_the_task_counts_as_achieved(
    live_server, new_page, screenshot, community_a, make_staff, submitted_evidence
):
    base = live_server.url
    community, _home = community_a
    evaluator = make_staff("13800000104", StaffRole.EVALUATION, community, "评价甲")

    # Before: the public page shows the task without approved evidence.
    visitor = new_page(PHONE)
    visitor.goto(f"{base}/evaluation/wuxing/")
    row = task_row(visitor, TASK_NUMBER)
    expect(row.locator("td").nth(2)).to_have_text("0")
    expect(row).to_contain_text("缺少已通过的佐证")
    assert_phone_page_ok(visitor)
    screenshot(visitor, "1-public-before")

    # The reviewer logs in; the dashboard says one piece of evidence waits for review.
    reviewer = new_page()
    admin_login(reviewer, base, evaluator)
    waiting = reviewer.get_by_role("link", name="1 条佐证待审核")
    expect(waiting).to_be_visible()
    screenshot(reviewer, "2-dashboard")

    # The self-evaluation before: one pending, none approved.
    reviewer.get_by_role("link", name="自评").first.click()
    reviewer.wait_for_url(f"{base}/admin/self_evaluation/*")
    expect(reviewer.get_by_role("navigation", name="面包屑导航")).to_contain_text("自评")
    row = task_row(reviewer, TASK_NUMBER)
    expect(row.locator("td").nth(3)).to_have_text("0")
    expect(row.locator("td").nth(4)).to_have_text("1")
    expect(row).to_contain_text("缺少已通过的佐证")
    expect(reviewer.locator("main")).not_to_contain_text("× 已达成")  # no binding task achieved yet
    row.scroll_into_view_if_needed()  # the admin scrolls inside its own pane: bring the row into the picture
    screenshot(reviewer, "3-self-evaluation-before")

    # From the dashboard's count to the evidence, and its 批准 action.
    reviewer.goto(f"{base}/admin/")
    reviewer.get_by_role("link", name="1 条佐证待审核").click()
    listing = reviewer.locator("main table")
    expect(listing).to_contain_text(EVIDENCE)
    screenshot(reviewer, "4-evidence-waiting")
    listing.get_by_role("link", name=EVIDENCE).first.click()
    details = reviewer.locator("main dl").first
    expect(details).to_contain_text("三楼活动室改建为议事厅")
    expect(details).to_contain_text("3. 优化设置参与场景")
    expect(details).not_to_contain_text("None")  # the empty end date
    screenshot(reviewer, "5-evidence-inspect")
    reviewer.get_by_role("link", name="批准", exact=True).click()
    expect(reviewer.locator("main form").locator("xpath=..")).to_contain_text(
        f"批准：“{EVIDENCE}”（现为已提交）"
    )
    screenshot(reviewer, "6-confirm")
    reviewer.locator("main form").get_by_role("button", name="批准", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text(f"“{EVIDENCE}”：批准 已完成，现为已通过。")
    screenshot(reviewer, "7-approved")
    submitted_evidence.refresh_from_db()
    assert submitted_evidence.state == "approved"

    # After: the self-evaluation counts it, and the task is achieved; nothing waits any more.
    reviewer.goto(f"{base}/admin/self_evaluation/?community={community.pk}")
    row = task_row(reviewer, TASK_NUMBER)
    expect(row.locator("td").nth(3)).to_have_text("1")
    expect(row.locator("td").nth(4)).to_have_text("0")
    expect(row.locator("td").last).to_have_text("已达成")
    expect(reviewer.locator("main")).to_contain_text("1 × 已达成")
    row.scroll_into_view_if_needed()
    screenshot(reviewer, "8-self-evaluation-after")
    reviewer.goto(f"{base}/admin/")
    expect(reviewer.get_by_role("link", name="0 条佐证待审核")).to_be_visible()

    # And so does the public page.
    visitor.reload()
    row = task_row(visitor, TASK_NUMBER)
    expect(row.locator("td").nth(2)).to_have_text("1")
    expect(row.locator("td").last).to_have_text("已达成")
    assert_phone_page_ok(visitor)
    screenshot(visitor, "9-public-after")
