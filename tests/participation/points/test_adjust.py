"""直接奖励 / 扣分 by staff in the admin: always with a reason, scoped to their communities, never negative."""

import threading
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from participation.points import selectors
from participation.points.models import EntryKind, PointsEntry
from participation.points.services import AlreadyRecorded, InsufficientPoints, award_points, deduct_points

pytestmark = pytest.mark.django_db

URL = "/admin/points_adjust/"


def sent(**data):
    """The form's fields as a browser sends them: with the hidden key the page gave it."""
    return {"idempotency_key": str(uuid.uuid4()), **data}


def test_award_and_deduct_with_a_reason(verified_a, community_a, operations_a, negative_a, positive_a):
    community = community_a[0]
    award_points(
        staff=operations_a, resident=verified_a, community=community, points=15, reason="协助疫情防控"
    )
    award_points(
        staff=operations_a, resident=verified_a, community=community, behaviour=positive_a, reason="好"
    )
    entry = deduct_points(
        staff=operations_a,
        resident=verified_a,
        community=community,
        behaviour=negative_a,
        reason="5月3日高空抛物，经核实",
    )
    assert (entry.delta, entry.kind, entry.actor) == (-10, EntryKind.DEDUCTION, operations_a)
    assert "高空抛物" in entry.reason and "经核实" in entry.reason
    assert selectors.balance(resident=verified_a) == 10


def test_a_reason_is_required(verified_a, community_a, operations_a):
    with pytest.raises(ValidationError) as error:
        award_points(staff=operations_a, resident=verified_a, community=community_a[0], points=5, reason=" ")
    assert "请填写理由" in error.value.messages[0]
    assert not PointsEntry.objects.exists()


def test_a_deduction_never_takes_the_balance_below_zero(
    verified_a, community_a, operations_a, negative_a, give_points
):
    give_points(verified_a, community_a[0], 4)
    with pytest.raises(InsufficientPoints) as error:
        deduct_points(
            staff=operations_a,
            resident=verified_a,
            community=community_a[0],
            behaviour=negative_a,
            reason="高空抛物",
        )
    assert "积分不足" in error.value.messages[0]
    assert selectors.balance(resident=verified_a) == 4 and PointsEntry.objects.count() == 1


@pytest.mark.parametrize(
    "who, allowed",
    [("operations_a", True), ("coordinator_a", True), ("operations_b", False), ("publicity_a", False)],
)
def test_who_may_award(request, who, allowed, verified_a, community_a):
    staff = request.getfixturevalue(who)
    if allowed:
        award_points(staff=staff, resident=verified_a, community=community_a[0], points=3, reason="表扬")
        assert selectors.balance(resident=verified_a) == 3
    else:
        with pytest.raises(PermissionDenied):
            award_points(staff=staff, resident=verified_a, community=community_a[0], points=3, reason="表扬")
        assert not PointsEntry.objects.exists()


def test_the_admin_form_records_an_award(client, verified_a, operations_a):
    client.force_login(operations_a)
    page = client.get(URL).content.decode()
    assert "张小明" in page
    response = client.post(URL, sent(resident=verified_a.pk, action="award", points="8", reason="义务巡逻"))
    assert response.status_code == 302
    assert "当前余额 8 分" in client.get(URL).content.decode()
    assert selectors.balance(resident=verified_a) == 8


def test_the_admin_form_shows_the_ledgers_refusal(client, verified_a, operations_a, negative_a):
    client.force_login(operations_a)
    response = client.post(
        URL, sent(resident=verified_a.pk, action="deduct", behaviour=negative_a.pk, reason="高空抛物")
    )
    assert response.status_code == 200
    assert "积分不足" in response.content.decode()
    assert not PointsEntry.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "deduct", "reason": "x"}, "请选择扣分所对应的负面行为"),
        ({"action": "award", "reason": "x"}, "请填写分值"),
        ({"action": "award", "points": "5", "reason": ""}, "请填写理由"),
    ],
)
def test_the_admin_form_explains_bad_input(client, verified_a, operations_a, data, message):
    client.force_login(operations_a)
    response = client.post(URL, sent(resident=verified_a.pk, **data))
    assert response.status_code == 200 and message in response.content.decode()
    assert not PointsEntry.objects.exists()


def test_residents_of_other_communities_are_not_offered(client, operations_a, verified_a, resident_b):
    client.force_login(operations_a)
    page = client.get(URL).content.decode()
    assert "张小明" in page and "李秀英" not in page
    response = client.post(URL, sent(resident=resident_b.pk, action="award", points="5", reason="x"))
    assert response.status_code == 200 and not PointsEntry.objects.exists()


def test_other_groups_cannot_open_it(client, publicity_a):
    client.force_login(publicity_a)
    assert client.get(URL).status_code in (302, 403)


def _key_on(page: str) -> str:
    return page.split('name="idempotency_key" value="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "award", "points": "8", "reason": "义务巡逻"},
        {"action": "deduct", "behaviour": "negative", "reason": "高空抛物"},
    ],
)
def test_the_same_form_sent_twice_records_once(
    client, verified_a, community_a, operations_a, negative_a, give_points, data
):
    give_points(verified_a, community_a[0], 20)
    data = {**data, "behaviour": negative_a.pk} if data["action"] == "deduct" else data
    client.force_login(operations_a)
    form = {"idempotency_key": _key_on(client.get(URL).content.decode()), "resident": verified_a.pk, **data}
    first = client.post(URL, form)
    again = client.post(URL, form, follow=True)  # a double click, or the browser sending it again
    assert first.status_code == 302
    expected = 28 if data["action"] == "award" else 10
    assert selectors.balance(resident=verified_a) == expected
    assert PointsEntry.objects.filter(actor=operations_a).count() == 1
    page = again.content.decode()
    assert "此表单已提交过，只记录一次，未重复记录" in page and f"记录后余额 {expected} 分" in page


def test_two_forms_record_twice(client, verified_a, operations_a):
    client.force_login(operations_a)
    for _ in range(2):
        key = _key_on(client.get(URL).content.decode())  # each page gives a new key
        client.post(
            URL,
            {
                "idempotency_key": key,
                "resident": verified_a.pk,
                "action": "award",
                "points": "8",
                "reason": "义务巡逻",
            },
        )
    assert selectors.balance(resident=verified_a) == 16 and PointsEntry.objects.count() == 2


def test_a_form_without_its_key_is_refused_and_shown_again_with_one(client, verified_a, operations_a):
    client.force_login(operations_a)
    data = {"resident": verified_a.pk, "action": "award", "points": "8", "reason": "义务巡逻"}
    response = client.post(URL, data)  # a page from before the key, or a mangled one
    page = response.content.decode()
    assert response.status_code == 200 and "表单已失效，请重试" in page and not PointsEntry.objects.exists()
    assert client.post(URL, {**data, "idempotency_key": _key_on(page)}).status_code == 302
    assert selectors.balance(resident=verified_a) == 8


def test_a_spent_key_records_nothing_for_another_resident(client, verified_a, operations_a, make_resident):
    other = make_resident("13900000077", "王大伟")
    client.force_login(operations_a)
    form = sent(resident=verified_a.pk, action="award", points="8", reason="义务巡逻")
    client.post(URL, form)
    page = client.post(
        URL, {**form, "resident": other.pk}, follow=True
    ).content.decode()  # back, change, send
    assert "此表单已用于另一位居民" in page
    assert selectors.balance(resident=other) == 0 and PointsEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite locks the file"
)
def test_the_same_form_sent_twice_at_once_records_once(verified_a, community_a, operations_a):
    key, barrier, outcomes = uuid.uuid4(), threading.Barrier(2), []

    def award():
        try:
            barrier.wait()
            award_points(
                staff=operations_a,
                resident=verified_a,
                community=community_a[0],
                points=8,
                reason="义务巡逻",
                idempotency_key=key,
            )
            outcomes.append("recorded")
        except AlreadyRecorded as repeat:
            outcomes.append("repeat" if repeat.entry is not None else "refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=award) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["recorded", "repeat"]
    assert selectors.balance(resident=verified_a) == 8 and PointsEntry.objects.count() == 1
