"""善行榜 and 人人声望: approved deeds only, masked names, the month's top contributors, levels."""

import uuid
from datetime import datetime
from unittest import mock

import pytest
from django.utils import timezone

from participation.points import selectors
from participation.points.models import EntryKind, Reward
from participation.points.reputation import LEVELS, level_for
from participation.points.services import award_points, record_entry, redeem, submit_claim
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db

BOARD = "/points/board/wuxing/"


def test_levels_follow_the_thresholds():
    assert [level_for(points).rank for points in (0, 19, 20, 99, 100, 300, 799, 800, 5000)] == [
        1,
        1,
        2,
        2,
        3,
        4,
        4,
        5,
        5,
    ]
    assert level_for(-5).rank == 1
    assert level_for(15).to_next == 5
    assert level_for(10_000).next_threshold is None
    assert str(level_for(120).name) == "社区之星"
    assert len({threshold for threshold, _name in LEVELS}) == len(LEVELS)


def test_spending_points_does_not_lower_reputation(verified_a, community_a, operations_a):
    award_points(staff=operations_a, resident=verified_a, community=community_a[0], points=30, reason="表扬")
    before = selectors.reputation(resident=verified_a)
    reward = Reward.objects.create(community=community_a[0], name="购物袋", price=25, stock=2)
    redeem(resident=verified_a, reward=reward, idempotency_key=uuid.uuid4())
    assert selectors.balance(resident=verified_a) == 5
    assert selectors.reputation(resident=verified_a) == before and before.rank == 2


def _approved(resident, behaviour, operations, description="清理楼道"):
    made = submit_claim(resident=resident, behaviour=behaviour, description=description)
    return perform_transition(obj=made, transition="approve", actor=operations)


def test_the_board_shows_approved_deeds_with_masked_names(
    client, verified_a, positive_a, operations_a, make_resident, community_a
):
    from participation.points.models import BehaviourItem

    pending_item = BehaviourItem.objects.create(
        community=community_a[0], polarity="positive", number=9, text="待审核的好事", points=2
    )
    _approved(verified_a, positive_a, operations_a)
    submit_claim(resident=make_resident("13900000121", "欧阳娜娜"), behaviour=pending_item, description="x")
    page = client.get(BOARD).content.decode()
    assert "参与社区志愿服务活动" in page and "待审核的好事" not in page
    assert "张*明" in page and "张小明" not in page
    assert verified_a.mobile not in page and "13900000121" not in page
    assert "热心邻居" not in page and "新邻居" in page  # the level shows beside the top contributor


def test_top_contributors_of_the_month(client, community_a, operations_a, make_resident):
    first, second, earlier = (
        make_resident("13900000131", "王大锤"),
        make_resident("13900000132", "李四"),
        make_resident("13900000133", "赵钱孙"),
    )
    last_month = timezone.make_aware(datetime(2024, 4, 20, 10, 0))
    this_month = timezone.make_aware(datetime(2024, 5, 15, 10, 0))
    with mock.patch("django.utils.timezone.now", return_value=last_month):
        award_points(staff=operations_a, resident=earlier, community=community_a[0], points=99, reason="上月")
    with mock.patch("django.utils.timezone.now", return_value=this_month):
        award_points(staff=operations_a, resident=first, community=community_a[0], points=20, reason="巡逻")
        award_points(staff=operations_a, resident=second, community=community_a[0], points=5, reason="捡垃圾")
        record_entry(
            resident=first, community=community_a[0], delta=-15, kind=EntryKind.DEDUCTION, reason="扣"
        )
    with mock.patch("participation.points.selectors.now", return_value=this_month):
        top = selectors.top_contributors(community=community_a[0])
        page = client.get(BOARD).content.decode()
    assert [(row["name"], row["points"]) for row in top] == [("王*锤", 20), ("李*", 5)]
    assert top[0]["level"].rank == 2
    assert "2024年5月" in page and "王*锤" in page and "赵*孙" not in page


def test_the_community_home_page_links_the_board(client, verified_a, positive_a, operations_a):
    _approved(verified_a, positive_a, operations_a)
    page = client.get("/wuxing/").content.decode()
    assert "本月善行榜" in page and "张*明" in page and BOARD in page
    assert "张小明" not in page


def test_an_unknown_community_is_not_found(client):
    assert client.get("/points/board/nowhere/").status_code == 404
    assert client.get("/points/rewards/nowhere/").status_code == 404


def test_top_contributors_count_only_the_months_earnings_here_and_levels_count_all(
    community_a, community_b, make_resident, django_assert_max_num_queries
):
    here, elsewhere = community_a[0], community_b[0]
    last_month = timezone.make_aware(datetime(2024, 4, 20, 10, 0))
    this_month = timezone.make_aware(datetime(2024, 5, 15, 10, 0))
    surnames = "赵钱孙李周吴郑王冯陈褚卫"
    residents = [make_resident(f"139000002{n:02d}", f"{surname}明") for n, surname in enumerate(surnames)]
    outsider = make_resident("13900000299", "外村人", community=elsewhere)
    with mock.patch("django.utils.timezone.now", return_value=last_month):
        # Earned last month: not on this month's board, but part of the level.
        record_entry(resident=residents[0], community=here, delta=150, kind=EntryKind.AWARD, reason="上月")
    with mock.patch("django.utils.timezone.now", return_value=this_month):
        for n, resident in enumerate(residents):
            record_entry(resident=resident, community=here, delta=n + 1, kind=EntryKind.AWARD, reason="本月")
        # A tie with residents[10] (11 points), broken by who registered first; a refund earns nothing.
        record_entry(resident=residents[0], community=here, delta=10, kind=EntryKind.CLAIM, reason="申领")
        record_entry(
            resident=residents[0], community=here, delta=-20, kind=EntryKind.REDEMPTION, reason="兑换"
        )
        record_entry(resident=residents[1], community=here, delta=50, kind=EntryKind.REFUND, reason="退还")
        record_entry(resident=outsider, community=elsewhere, delta=99, kind=EntryKind.AWARD, reason="外村")
    with mock.patch("participation.points.selectors.now", return_value=this_month):
        with django_assert_max_num_queries(2):
            top = selectors.top_contributors(community=here)
    assert [(row["rank"], row["name"], row["points"]) for row in top] == [
        (1, "卫*", 12),
        (2, "赵*", 11),
        (3, "褚*", 11),
        (4, "陈*", 10),
        (5, "冯*", 9),
        (6, "王*", 8),
        (7, "郑*", 7),
        (8, "吴*", 6),
        (9, "周*", 5),
        (10, "李*", 4),
    ]
    # residents[0] (1 + 10 this month, 150 before) ranks before residents[10] in the tie: levels tell them apart.
    assert [row["level"].earned for row in top[1:3]] == [161, 11]
    assert top[1]["level"].rank == 3 and top[2]["level"].rank == 1
