"""Journey 1: a resident signs up on a phone, raises a topic, asks 人人解忧铺 for help and claims points; a
coordinator verifies them in the admin; staff act on each submission in the admin; back on the phone the
resident sees each new state on 我的 and the pages of the items, and a message about each in 我的消息."""

import re

import pytest
from playwright.sync_api import expect

from participation.help.models import HelpCategory, HelpRequest
from participation.models import User
from participation.points.models import BehaviourItem, BehaviourPolarity, PointsClaim
from participation.roles import StaffRole
from participation.topics.models import ConsultationTopic
from tests.conftest import PASSWORD
from tests.e2e.conftest import PHONE, assert_phone_page_ok
from tests.e2e.test_publicity_journey import admin_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MOBILE = "13900000111"
NAME = "王小红"
TOPIC = "小区东门路灯不亮"
HELP = "楼道灯坏了需要维修"
BEHAVIOUR = "参与社区环境清洁志愿服务"


def expect_message(page, text):
    expect(page.locator("ul.messages")).to_contain_text(text)


def approve_in_admin(page, base, *, queue_label, item_text, action):
    """From the dashboard's 待我审核 panel to the item, its action button, and the confirmation."""
    page.goto(f"{base}/admin/")
    panel = page.get_by_role("region", name="待我审核")
    expect(panel).to_contain_text(queue_label)
    panel.get_by_role("link", name=item_text).click()
    page.get_by_role("link", name=action, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("确认操作")
    question = page.locator("main form").locator("xpath=..")
    expect(question).to_contain_text(re.compile(f"{action}：“[^”]*{item_text}"))
    page.locator("main form").get_by_role("button", name=action, exact=True).click()


@pytest.fixture
def journey_setup(community_a, coordinator_a, make_staff):
    community, _home = community_a
    HelpCategory.objects.create(community=community, name="水电维修", response_hours=24, resolution_days=7)
    BehaviourItem.objects.create(
        community=community, polarity=BehaviourPolarity.POSITIVE, number=1, text=BEHAVIOUR, points=5
    )
    operations = make_staff("13800000103", StaffRole.OPERATIONS, community, "运行甲")
    return {"community": community, "coordinator": coordinator_a, "operations": operations}


def test_resident_follows_topic_help_and_claim_to_their_outcome(
    live_server, new_page, screenshot, journey_setup
):
    base = live_server.url
    coordinator, operations = journey_setup["coordinator"], journey_setup["operations"]

    # --- the resident signs up on a phone ------------------------------------------------------------
    phone = new_page(PHONE)
    phone.goto(f"{base}/accounts/signup/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("注册")
    assert_phone_page_ok(phone)
    phone.get_by_label("手机号码").fill(MOBILE)
    phone.get_by_label("显示名称").fill(NAME)
    phone.get_by_label("所在社区").select_option(label="五星社区")
    phone.get_by_label("密码", exact=True).fill(PASSWORD)
    phone.get_by_label("再次输入密码").fill(PASSWORD)
    phone.get_by_label("我已阅读并同意隐私声明。").check()
    screenshot(phone, "01-signup-form")
    phone.get_by_role("button", name="注册").click()
    phone.wait_for_url(f"{base}/me/")
    expect_message(phone, f"欢迎，{NAME}！您的账号已创建。")
    expect(phone.locator("#my-profile-title + dl")).to_contain_text("尚未核实")
    assert_phone_page_ok(phone)
    screenshot(phone, "02-my-account-new")
    resident = User.objects.get(mobile=MOBILE)

    # --- a topic for the 议事厅 ------------------------------------------------------------------------
    phone.get_by_role("link", name="在五星社区提出议题").click()
    phone.wait_for_url(f"{base}/topics/wuxing/new/")
    assert_phone_page_ok(phone)
    phone.get_by_label("标题").fill(TOPIC)
    phone.get_by_label("说明").fill("东门进来第二盏路灯坏了一个月，晚上老人出门不安全，建议尽快维修。")
    phone.get_by_label("类别").select_option(label="环境卫生")
    screenshot(phone, "03-topic-form")
    phone.get_by_role("button", name="提交审核").click()
    phone.wait_for_url(re.compile(r"/topics/\d+/$"))
    expect_message(phone, "您的议题已提交。综合协调组审核后会给您发送消息。")
    expect(phone.locator(".state")).to_have_text("已提交")
    assert_phone_page_ok(phone)
    screenshot(phone, "04-topic-submitted")
    topic = ConsultationTopic.objects.get(title=TOPIC)
    assert topic.author == resident

    # --- a 人人解忧铺 request ------------------------------------------------------------------------
    phone.goto(f"{base}/me/")
    phone.get_by_role("link", name="向五星社区求助").click()
    phone.wait_for_url(f"{base}/help/wuxing/new/")
    assert_phone_page_ok(phone)
    phone.get_by_label("类别").select_option(label="水电维修")
    phone.get_by_label("摘要").fill(HELP)
    phone.get_by_label("详细描述").fill("3号楼2单元四楼楼道灯不亮，晚上上下楼看不清。")
    screenshot(phone, "05-help-form")
    phone.get_by_role("button", name="提交求助").click()
    phone.wait_for_url(re.compile(r"/help/\d+/$"))
    expect_message(phone, "您的请求已提交，社区会尽快答复。")
    expect(phone.locator(".facts .badge")).to_have_text("待受理")
    assert_phone_page_ok(phone)
    screenshot(phone, "06-help-submitted")
    help_request = HelpRequest.objects.get(summary=HELP)

    # --- points can only be claimed once verified ----------------------------------------------------
    phone.goto(f"{base}/points/claim/")
    expect(phone.get_by_role("alert")).to_contain_text("只有已核实的居民才能申领积分")
    assert_phone_page_ok(phone)
    screenshot(phone, "07-claim-not-verified")

    # A coordinator verifies the resident in the admin (the resident came to the community office).
    desk = new_page()
    admin_login(desk, base, coordinator)
    desk.get_by_role("link", name="居民").first.click()
    row = desk.locator("tr", has_text=NAME)
    expect(row).to_contain_text(MOBILE)
    screenshot(desk, "08-residents")
    row.get_by_role("button", name="核实").click()
    expect(desk.locator(".messages")).to_contain_text(f"已核实居民 {NAME}。")
    screenshot(desk, "09-resident-verified")
    resident.refresh_from_db()
    assert resident.is_verified

    phone.reload()
    phone.get_by_label("行为内容").select_option(label=f"{BEHAVIOUR}（+5 分）")
    phone.get_by_label("我做了什么").fill("5月18日上午在小区中心花园参加了环境清洁，捡拾垃圾两小时。")
    assert_phone_page_ok(phone)
    screenshot(phone, "10-claim-form")
    phone.get_by_role("button", name="提交申领").click()
    phone.wait_for_url(re.compile(r"/points/claims/\d+/$"))
    expect_message(phone, "您的积分申领已提交，建设运行组将进行审核。")
    assert_phone_page_ok(phone)
    screenshot(phone, "11-claim-submitted")
    claim = PointsClaim.objects.get(author=resident)
    assert claim.state == "submitted"

    # --- staff act, each in the admin ----------------------------------------------------------------
    approve_in_admin(desk, base, queue_label="议题", item_text=TOPIC, action="批准")
    expect(desk.locator(".messages")).to_contain_text(f"“{TOPIC}”：批准 已完成，现为已通过。")
    screenshot(desk, "12-topic-approved")
    approve_in_admin(desk, base, queue_label="解忧请求", item_text=HELP, action="受理")
    expect(desk.locator(".messages")).to_contain_text("已完成，现为已受理。")
    screenshot(desk, "13-help-accepted")

    operations_desk = new_page()
    admin_login(operations_desk, base, operations)
    approve_in_admin(operations_desk, base, queue_label="积分申领", item_text=BEHAVIOUR, action="批准")
    expect(operations_desk.locator(".messages")).to_contain_text("已完成，现为已通过。")
    screenshot(operations_desk, "14-claim-approved")

    topic.refresh_from_db()
    help_request.refresh_from_db()
    claim.refresh_from_db()
    assert (topic.state, help_request.state, claim.state) == ("approved", "accepted", "approved")

    # --- back on the phone: 我的, the items' pages, 我的消息 -----------------------------------------
    phone.goto(f"{base}/me/")
    expect(phone.locator("#my-profile-title + dl")).to_contain_text("已核实居民")
    topics_card = phone.get_by_role("region", name="我的议题")
    expect(topics_card.locator("li", has_text=TOPIC)).to_contain_text("已通过")
    help_card = phone.get_by_role("region", name="我的解忧铺")
    expect(help_card.locator("li", has_text=HELP)).to_contain_text("已受理")
    points_card = phone.get_by_role("region", name="我的积分")
    expect(points_card.locator("dd.points")).to_have_text("5")
    expect(points_card.locator("li.card", has_text=BEHAVIOUR)).to_contain_text("已通过")
    assert_phone_page_ok(phone)
    screenshot(phone, "15-my-account-after")

    help_card.get_by_role("link", name=HELP).click()
    phone.wait_for_url(f"{base}/help/{help_request.pk}/")
    expect(phone.locator(".facts .badge")).to_have_text("已受理")
    expect(phone.locator(".timeline")).to_contain_text("受理 待受理 → 已受理")
    assert_phone_page_ok(phone)
    screenshot(phone, "16-help-accepted")

    phone.get_by_role("link", name=re.compile("我的消息")).click()
    phone.wait_for_url(f"{base}/messages/")
    expect(phone.locator(".inbox__summary")).to_contain_text("3 条未读消息")
    items = phone.locator(".inbox__item")
    expect(items.filter(has_text=f"您的议题“{TOPIC}”现在的状态：已通过")).to_have_count(1)
    expect(items.filter(has_text=f"您的解忧请求“#{help_request.pk} {HELP}”现在的状态：已受理")).to_have_count(
        1
    )
    expect(items.filter(has_text=re.compile(f"您的积分申领“{BEHAVIOUR}.*”现在的状态：已通过"))).to_have_count(
        1
    )
    assert_phone_page_ok(phone)
    screenshot(phone, "17-messages")
    items.filter(has_text="您的议题").get_by_role("link").click()
    phone.wait_for_url(re.compile(r"/messages/\d+/$"))
    expect(phone.locator("main")).to_contain_text("协调甲：批准（已提交 → 已通过）。")
    assert_phone_page_ok(phone)
    screenshot(phone, "18-message-detail")
    phone.get_by_role("link", name="查看事项").click()
    phone.wait_for_url(f"{base}/topics/{topic.pk}/")
    expect(phone.locator(".state")).to_have_text("已通过")
    # Approved: now public, and no longer the "only you can see it" notice.
    expect(phone.get_by_text("审核通过前，只有您和社区工作人员能看到此议题。")).to_have_count(0)
    assert_phone_page_ok(phone)
    screenshot(phone, "19-topic-approved")
    phone.goto(f"{base}/messages/")
    expect(phone.locator(".inbox__summary")).to_contain_text("2 条未读消息")
