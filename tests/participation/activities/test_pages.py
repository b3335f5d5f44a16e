"""The public side: the sign-up box on the activity page, my sign-up, cancel, the check-in link; query counts."""

import pytest
from django.core import signing

from participation.activities import services
from participation.activities.models import ActivitySignup, SignupStatus
from participation.activities.views import CHECK_IN_SALT
from participation.points.selectors import balance

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_see_a_login_link(client, activity):
    html = client.get(activity.url).content.decode()
    assert "登录后报名" in html and "添加到日历" in html and "名额 2 个，已报名 0 人" in html


def test_sign_up_through_the_page_then_cancel(client, activity, resident_a):
    client.force_login(resident_a)
    box = client.get(activity.url).content.decode().split('id="signup-heading"')[1].split("</section>")[0]
    # 报名 (signing up for an activity), not 注册 (creating an account), which the header's link says.
    assert ">报名</h2>" in box and ">报名</button>" in box and "注册" not in box
    response = client.post(f"/activities/{activity.pk}/signup/", follow=True)
    html = response.content.decode()
    signup = ActivitySignup.objects.get()
    assert "报名成功" in html and signup.check_in_code in html
    assert "我的报名与签到码" in client.get(activity.url).content.decode()
    assert activity.title in client.get("/me/").content.decode()
    response = client.post(f"/activities/signups/{signup.pk}/cancel/", follow=True)
    assert "您的报名已取消" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED


def test_a_full_activity_offers_the_waitlist(client, make_activity, make_resident):
    activity = make_activity(capacity=1)
    services.sign_up(activity=activity, resident=make_resident(1))
    client.force_login(make_resident(2))
    assert "加入候补名单" in client.get(activity.url).content.decode()
    html = client.post(f"/activities/{activity.pk}/signup/", follow=True).content.decode()
    assert "您已进入候补名单" in html and "候补第 1 位" in html


def test_other_residents_signups_are_not_found(client, activity, resident_a, make_resident):
    signup = services.sign_up(activity=activity, resident=resident_a)
    client.force_login(make_resident(5))
    assert client.get(f"/activities/signups/{signup.pk}/").status_code == 404
    assert client.post(f"/activities/signups/{signup.pk}/cancel/").status_code == 404
    assert ActivitySignup.objects.get().status == SignupStatus.CONFIRMED


def test_signed_check_in_link_for_staff_only(client, activity, resident_a, operations_a, operations_b):
    signup = services.sign_up(activity=activity, resident=resident_a)
    url = f"/activities/check-in/{signing.dumps(signup.pk, salt=CHECK_IN_SALT)}/"
    client.force_login(resident_a)
    assert client.get(url).status_code == 403
    client.force_login(operations_b)
    assert client.post(url).status_code == 403
    client.force_login(operations_a)
    assert client.get("/activities/check-in/forged/").status_code == 404
    html = client.post(url, follow=True).content.decode()
    assert "张小明 已签到" in html
    assert balance(resident=resident_a) == 5


def _queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_query_counts_do_not_grow_with_signups(client, make_activity, make_resident):
    activity = make_activity(capacity=None)
    people = [make_resident(n) for n in range(30)]
    signup = services.sign_up(activity=activity, resident=people[0])
    client.force_login(people[0])
    # Logged in, a page also pays for the session, the user and the unread-message count; the sign-up box adds
    # two (the counts, and this resident's sign-up). 我的 gathers one section per flow: its own budget.
    for person in people[1:3]:
        services.sign_up(activity=activity, resident=person)
    few = [_queries_for(client, url) for url in (activity.url, "/me/", f"/activities/signups/{signup.pk}/")]
    for person in people[3:]:
        services.sign_up(activity=activity, resident=person)
    many = [_queries_for(client, url) for url in (activity.url, "/me/", f"/activities/signups/{signup.pk}/")]
    assert few == many
    assert many[0] <= 14 and many[1] <= 25 and many[2] <= 12


def test_my_signup_shows_a_qr_code_of_the_check_in_link(client, activity, resident_a):
    import re

    from participation.activities.qr import check_in_qr_svg

    signup = services.sign_up(activity=activity, resident=resident_a)
    client.force_login(resident_a)
    html = client.get(f"/activities/signups/{signup.pk}/").content.decode()
    link = re.search(r'value="(http[^"]+/activities/check-in/[^"]+)"', html).group(1)
    shown = re.search(r'<figure class="check-in-qr">(<svg.*?</svg>)', html).group(1)
    assert "<title>签到二维码</title>" in shown
    # The QR code shown is the code of this resident's signed check-in link.
    assert re.search(r' d="([^"]+)"', shown).group(1) == re.search(
        r' d="([^"]+)"', check_in_qr_svg(url=link, title="x")
    ).group(1)
    token = link.rstrip("/").split("/")[-1]
    assert signing.loads(token, salt=CHECK_IN_SALT) == signup.pk
