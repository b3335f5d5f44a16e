"""Public sign-up at /accounts/signup/: one resident created, logged in, sent to 我的; bad input saves nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from participation import services
from participation.models import User
from participation.roles import RESIDENT_GROUP

pytestmark = pytest.mark.django_db

URL = "/accounts/signup/"
STRONG = "qing-shan-2024-lu"


@pytest.fixture
def form_data(community_a):
    return {
        "mobile": "１３９ １２３４ ５６７８",
        "display_name": "王芳",
        "community": community_a[0].pk,
        "password1": STRONG,
        "password2": STRONG,
        "consent": "on",
    }


def test_signup_page_is_chinese_and_accessible(client, community_a):
    html = client.get(URL).content.decode()
    assert "注册" in html and "隐私" in html
    assert '<label for="id_mobile"' in html and 'id="id_mobile"' in html
    assert '<label for="id_consent"' in html


def test_signup_creates_a_resident_logs_in_and_goes_to_my_account(client, community_a, form_data):
    response = client.post(URL, form_data, follow=True)
    user = User.objects.get()
    assert user.mobile == "13912345678"
    assert user.display_name == "王芳"
    assert list(user.communities.all()) == [community_a[0]]
    assert user.groups.filter(name=RESIDENT_GROUP).exists()
    assert not user.is_staff and not user.is_verified
    assert user.check_password(STRONG)
    assert response.redirect_chain[-1][0] == reverse("my_account")
    assert response.context["user"] == user
    assert "欢迎，王芳！您的账号已创建。" in response.content.decode()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"mobile": "1234"}, "mobile", "请输入有效的 11 位手机号码"),
        ({"mobile": ""}, "mobile", "必需字段"),
        ({"display_name": "  "}, "display_name", "必需字段"),
        ({"community": ""}, "community", "必需字段"),
        ({"password1": "12345678", "password2": "12345678"}, "password2", "这个密码太常见了。"),
        (
            {"password1": "a1b2", "password2": "a1b2"},
            "password2",
            "密码长度太短。密码必须包含至少 8 个字符。",
        ),
        ({"password2": STRONG + "x"}, "password2", "输入的两个密码不一致。"),
        ({"password1": "13912345678", "password2": "13912345678"}, "password2", "密码只包含数字。"),
        ({"consent": ""}, "consent", "请同意隐私声明后再注册。"),
    ],
)
def test_bad_input_saves_nothing_and_says_why_in_chinese(client, form_data, changes, field, message):
    form_data.update(changes)
    response = client.post(URL, form_data)
    assert response.status_code == 200
    assert User.objects.count() == 0
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error" role="alert"' in html
    assert "_auth_user_id" not in client.session


def test_password_similar_to_the_mobile_is_refused(client, form_data):
    form_data.update({"password1": "x13912345678", "password2": "x13912345678"})
    response = client.post(URL, form_data)
    assert User.objects.count() == 0
    assert "密码跟 手机号码 太相似了。" in response.content.decode()


def test_duplicate_mobile_is_refused_and_nothing_changes(client, resident_a, form_data):
    form_data["mobile"] = "139 0000 0101"  # resident_a's number, typed differently
    response = client.post(URL, form_data)
    assert User.objects.count() == 1
    assert "该手机号码已注册" in response.content.decode()
    resident_a.refresh_from_db()
    assert resident_a.display_name == "张小明"


def test_service_refuses_a_duplicate_even_past_the_form(community_a, resident_a):
    with pytest.raises(services.MobileAlreadyRegistered):
        services.register_resident(
            mobile="13900000101", password=STRONG, display_name="冒名", community=community_a[0]
        )
    assert User.objects.count() == 1


def test_signup_without_the_resident_group_saves_nothing(community_a):
    # create_resident is one transaction: a failure after the insert leaves no half-made account.
    Group.objects.filter(name=RESIDENT_GROUP).delete()
    with pytest.raises(Group.DoesNotExist):
        services.register_resident(
            mobile="13912345678", password=STRONG, display_name="王芳", community=community_a[0]
        )
    assert User.objects.count() == 0


def test_signup_needs_a_csrf_token(community_a, form_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, form_data)
    assert response.status_code == 403
    assert User.objects.count() == 0


def test_logged_in_user_is_sent_to_my_account(client, resident_a):
    client.force_login(resident_a)
    assert client.get(URL).url == reverse("my_account")
