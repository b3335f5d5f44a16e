import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from participation.mobile import mask_mobile, mask_name, normalize_mobile
from participation.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "１３８１２３４５６７８",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "１３８　１２３４　５６７８",
    ],
)
def test_mobile_numbers_are_normalised(typed):
    assert normalize_mobile(typed) == "13812345678"


@pytest.mark.parametrize("typed", ["", "1381234567", "23812345678", "138123456789", "abc", "1381234567８x"])
def test_bad_mobile_numbers_get_a_chinese_message(typed):
    with pytest.raises(ValidationError) as error:
        normalize_mobile(typed)
    assert "请输入有效的 11 位手机号码" in str(error.value.messages[0])


def test_user_is_created_with_normalised_mobile_and_logs_in_with_full_width(client):
    user = User.objects.create_user("１３９ ００００ ００００", "pw-renren-2024", display_name="王芳")
    assert user.mobile == "13900000000"
    assert str(user) == "王芳"
    assert client.login(mobile="１３９００００００００", password="pw-renren-2024")


def test_mobile_is_unique_and_eleven_digits_in_the_database():
    User.objects.create_user("13900000000", "pw")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(mobile="13900000000")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(mobile="12345")


def test_masking():
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_name("张小明") == "张*明"
    assert mask_name("李四") == "李*"


def test_admin_login_page_is_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html


def test_public_login_accepts_mobile(client):
    User.objects.create_user("13900000009", "pw-renren-2024")
    response = client.post("/accounts/login/", {"username": "139 0000 0009", "password": "pw-renren-2024"})
    assert response.status_code == 302
