"""积分超市: rewards' invariants, redemption (points and stock in one transaction), fulfil, cancel with refund."""

import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from participation.points import selectors
from participation.points.models import EntryKind, PointsEntry, Redemption, RedemptionState, Reward
from participation.points.services import (
    InsufficientPoints,
    RedemptionRefused,
    cancel_redemption,
    fulfil_redemption,
    redeem,
)
from workflows.models import TransitionLog

pytestmark = pytest.mark.django_db


def stock(reward):
    return Reward.objects.get(pk=reward.pk).stock


@pytest.mark.parametrize("field, value", [("price", 0), ("price", -5), ("stock", -1)])
def test_the_database_refuses_a_bad_price_or_stock(community_a, field, value):
    values = {"community": community_a[0], "name": "雨伞", "price": 10, "stock": 3, field: value}
    with pytest.raises(IntegrityError), transaction.atomic():
        Reward.objects.create(**values)
    assert not Reward.objects.exists()


@pytest.mark.parametrize(
    "price, stock, message",
    [
        ("0", "5", "所需积分必须大于0"),
        ("-3", "5", "所需积分必须大于0"),
        ("10", "-1", "库存不能为负数"),
        ("10", "0", "新上架的奖品库存至少为1"),
    ],
)
def test_the_admin_form_explains_a_bad_price_or_stock(
    client, operations_a, community_a, price, stock, message
):
    client.force_login(operations_a)
    response = client.post(
        reverse("rewards:add"),
        {
            "community": community_a[0].pk,
            "name": "雨伞",
            "kind": "goods",
            "description": "",
            "price": price,
            "stock": stock,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Reward.objects.exists()


def test_operations_keep_their_own_communitys_rewards_only(client, operations_a, community_a, community_b):
    other = Reward.objects.create(community=community_b[0], name="乙村奖品", price=5, stock=1)
    client.force_login(operations_a)
    response = client.post(
        reverse("rewards:add"),
        {
            "community": community_a[0].pk,
            "name": "理发服务",
            "kind": "service",
            "price": "10",
            "stock": "3",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    listing = client.get(reverse("rewards:index")).content.decode()
    assert "理发服务" in listing and "乙村奖品" not in listing
    assert client.get(reverse("rewards:edit", args=(other.pk,))).status_code in (302, 403)


def test_redeeming_takes_points_and_stock_together(verified_a, community_a, reward_a, give_points):
    give_points(verified_a, community_a[0], 25)
    redemption, created = redeem(resident=verified_a, reward=reward_a, idempotency_key=uuid.uuid4())
    assert created and redemption.state == RedemptionState.REQUESTED and redemption.points == 10
    assert selectors.balance(resident=verified_a) == 15 and stock(reward_a) == 4
    entry = PointsEntry.objects.get(kind=EntryKind.REDEMPTION)
    assert entry.delta == -10 and entry.source == redemption


def test_too_few_points_changes_nothing(verified_a, community_a, reward_a, give_points):
    give_points(verified_a, community_a[0], 9)
    with pytest.raises(InsufficientPoints) as error:
        redeem(resident=verified_a, reward=reward_a, idempotency_key=uuid.uuid4())
    assert "积分不足" in error.value.messages[0]
    assert not Redemption.objects.exists() and stock(reward_a) == 5
    assert selectors.balance(resident=verified_a) == 9


@pytest.mark.parametrize(
    "case, message",
    [("out", "已兑完"), ("inactive", "已下架"), ("unverified", "已核实"), ("other", "本社区居民")],
)
def test_refused_redemptions(
    case, message, verified_a, resident_b, community_a, community_b, reward_a, give_points
):
    resident = verified_a
    if case == "out":
        Reward.objects.filter(pk=reward_a.pk).update(stock=0)
    elif case == "inactive":
        Reward.objects.filter(pk=reward_a.pk).update(is_active=False)
    elif case == "unverified":
        type(verified_a).objects.filter(pk=verified_a.pk).update(verified_at=None)
        resident = type(verified_a).objects.get(pk=verified_a.pk)
    else:
        resident = resident_b
        resident.verified_at = verified_a.verified_at
        resident.save(update_fields=["verified_at"])
        give_points(resident, community_b[0], 50)
    give_points(verified_a, community_a[0], 50)
    with pytest.raises(RedemptionRefused) as error:
        redeem(resident=resident, reward=Reward.objects.get(pk=reward_a.pk), idempotency_key=uuid.uuid4())
    assert message in error.value.messages[0]
    assert not Redemption.objects.exists()


def test_the_same_form_twice_is_one_redemption(verified_a, community_a, reward_a, give_points):
    give_points(verified_a, community_a[0], 50)
    key = uuid.uuid4()
    first, created = redeem(resident=verified_a, reward=reward_a, idempotency_key=key)
    again, created_again = redeem(resident=verified_a, reward=reward_a, idempotency_key=key)
    assert created and not created_again and again == first
    assert Redemption.objects.count() == 1 and stock(reward_a) == 4
    assert selectors.balance(resident=verified_a) == 40


def test_cancel_refunds_once_and_gives_the_stock_back(
    verified_a, community_a, reward_a, operations_a, give_points
):
    give_points(verified_a, community_a[0], 10)
    redemption, _ = redeem(resident=verified_a, reward=reward_a, idempotency_key=uuid.uuid4())
    with pytest.raises(Exception) as error:
        cancel_redemption(redemption=redemption, actor=operations_a, comment=" ")
    assert "请填写理由" in str(error.value)
    cancelled = cancel_redemption(redemption=redemption, actor=operations_a, comment="居民不需要了")
    assert cancelled.state == RedemptionState.CANCELLED
    assert selectors.balance(resident=verified_a) == 10 and stock(reward_a) == 5
    with pytest.raises(Exception) as error:
        cancel_redemption(redemption=redemption, actor=operations_a, comment="再退一次")
    assert "已处理过" in str(error.value)
    assert PointsEntry.objects.filter(kind=EntryKind.REFUND).count() == 1
    assert selectors.balance(resident=verified_a) == 10 and stock(reward_a) == 5
    log = TransitionLog.objects.get()
    assert (log.transition, log.from_state, log.to_state, log.actor, log.comment) == (
        "cancel",
        "requested",
        "cancelled",
        operations_a,
        "居民不需要了",
    )


def test_fulfilling_is_logged_and_final(verified_a, community_a, reward_a, operations_a, give_points):
    give_points(verified_a, community_a[0], 10)
    redemption, _ = redeem(resident=verified_a, reward=reward_a, idempotency_key=uuid.uuid4())
    fulfil_redemption(redemption=redemption, actor=operations_a)
    assert Redemption.objects.get().state == RedemptionState.FULFILLED
    assert TransitionLog.objects.get().to_state == "fulfilled"
    with pytest.raises(ValidationError, match="此兑换已处理过"):
        cancel_redemption(redemption=redemption, actor=operations_a, comment="晚了")
    assert selectors.balance(resident=verified_a) == 0


@pytest.mark.parametrize(
    "who, allowed",
    [("operations_a", True), ("operations_b", False), ("coordinator_a", False), ("resident", False)],
)
def test_who_handles_redemptions(
    request, who, allowed, client, verified_a, community_a, reward_a, give_points
):
    give_points(verified_a, community_a[0], 10)
    redemption, _ = redeem(resident=verified_a, reward=reward_a, idempotency_key=uuid.uuid4())
    actor = verified_a if who == "resident" else request.getfixturevalue(who)
    client.force_login(actor)
    response = client.post(reverse("redemptions:action", args=(redemption.pk, "cancel")), {"comment": "无货"})
    if allowed:
        assert response.status_code == 302
        assert Redemption.objects.get().state == RedemptionState.CANCELLED
        assert "积分已退还" in client.get(response.url).content.decode()
    else:
        assert response.status_code in (302, 403)
        assert Redemption.objects.get().state == RedemptionState.REQUESTED
        assert selectors.balance(resident=verified_a) == 0


def test_redeeming_on_the_catalogue(client, verified_a, community_a, reward_a, give_points):
    give_points(verified_a, community_a[0], 30)
    client.force_login(verified_a)
    url = reverse("points:rewards", args=("wuxing",))
    page = client.get(url).content.decode()
    assert "理发服务" in page and "10 积分" in page and "剩余 5" in page
    key = page.split('name="idempotency_key" value="')[1].split('"')[0]
    redeem_url = reverse("points:redeem", args=("wuxing", reward_a.pk))
    first = client.post(redeem_url, {"idempotency_key": key}, follow=True).content.decode()
    second = client.post(redeem_url, {"idempotency_key": key}, follow=True).content.decode()
    assert "您已用 10 积分兑换“理发服务”" in first and "不会重复兑换" in second
    assert Redemption.objects.count() == 1 and selectors.balance(resident=verified_a) == 20
    assert "理发服务" in client.get(reverse("points:my_redemptions")).content.decode()


def test_too_few_points_on_the_catalogue_says_so(client, verified_a, reward_a):
    client.force_login(verified_a)
    response = client.post(
        reverse("points:redeem", args=("wuxing", reward_a.pk)),
        {"idempotency_key": str(uuid.uuid4())},
        follow=True,
    )
    assert "积分不足" in response.content.decode()
    assert not Redemption.objects.exists() and stock(reward_a) == 5


def test_anonymous_visitors_see_the_catalogue_and_a_login_link(client, reward_a):
    page = client.get(reverse("points:rewards", args=("wuxing",))).content.decode()
    assert "理发服务" in page and "登录后兑换积分" in page and "idempotency_key" not in page
    response = client.post(reverse("points:redeem", args=("wuxing", reward_a.pk)), {})
    assert response.status_code == 302 and "/accounts/login/" in response.url


def _race(target, count=2):
    barrier, outcomes = threading.Barrier(count), []

    def run(index):
        try:
            barrier.wait(timeout=5)
            outcomes.append(target(index))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_residents_redeem_the_last_item_at_once(community_a, make_resident, give_points):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…)")
    reward = Reward.objects.create(community=community_a[0], name="最后一把雨伞", price=5, stock=1)
    residents = [make_resident("13900000301", "赵一"), make_resident("13900000302", "钱二")]
    for resident in residents:
        give_points(resident, community_a[0], 10)

    def attempt(index):
        try:
            redeem(resident=residents[index], reward=reward, idempotency_key=uuid.uuid4())
            return "ok"
        except RedemptionRefused:
            return "refused"

    assert sorted(_race(attempt)) == ["ok", "refused"]
    assert stock(reward) == 0
    assert Redemption.objects.count() == 1
    assert PointsEntry.objects.filter(kind=EntryKind.REDEMPTION).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_submit_at_once_is_one_redemption(community_a, make_resident, give_points):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…)")
    reward = Reward.objects.create(community=community_a[0], name="理发服务", price=5, stock=3)
    resident = make_resident("13900000303", "孙三")
    give_points(resident, community_a[0], 20)
    key = uuid.uuid4()
    outcomes = _race(lambda index: redeem(resident=resident, reward=reward, idempotency_key=key)[1])
    assert sorted(outcomes) == [False, True]
    assert Redemption.objects.count() == 1 and stock(reward) == 2
    assert selectors.balance(resident=resident) == 15
