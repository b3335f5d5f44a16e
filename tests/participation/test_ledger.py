"""The points ledger: append-only, never negative, reversible by a new entry, once per source."""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from participation.points import selectors
from participation.points.models import EntryKind, PointsEntry
from participation.points.services import AlreadyRecorded, InsufficientPoints, record_entry, reverse_entry

pytestmark = pytest.mark.django_db


def add(resident, community, delta, kind=EntryKind.AWARD, source=None, reason="参与社区治理"):
    return record_entry(
        resident=resident, community=community, delta=delta, kind=kind, reason=reason, source=source
    )


def test_balance_is_the_sum_of_entries(resident_a, community_a):
    community = community_a[0]
    add(resident_a, community, 10)
    add(resident_a, community, 5)
    add(resident_a, community, -3, kind=EntryKind.DEDUCTION)
    assert selectors.balance(resident=resident_a) == 12 == selectors.ledger_total(resident=resident_a)


def test_balance_never_goes_below_zero(resident_a, community_a):
    add(resident_a, community_a[0], 5)
    with pytest.raises(InsufficientPoints) as error:
        add(resident_a, community_a[0], -6, kind=EntryKind.REDEMPTION)
    assert "积分不足" in error.value.messages[0]
    assert PointsEntry.objects.count() == 1


def test_entries_cannot_be_changed_or_deleted(resident_a, community_a):
    entry = add(resident_a, community_a[0], 5)
    entry.delta = 500
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        PointsEntry.objects.filter(pk=entry.pk).update(delta=500)
    with pytest.raises(TypeError):
        PointsEntry.objects.all().delete()


def test_the_database_refuses_an_update_too(resident_a, community_a):
    entry = add(resident_a, community_a[0], 5)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE participation_pointsentry SET delta = 500 WHERE id = %s", [entry.pk])
    assert selectors.balance(resident=resident_a) == 5


def test_a_correction_is_a_reversing_entry(resident_a, community_a, coordinator_a):
    entry = add(resident_a, community_a[0], 8)
    reverse_entry(entry=entry, actor=coordinator_a, reason="误录，冲正")
    assert PointsEntry.objects.count() == 2
    assert selectors.balance(resident=resident_a) == 0


def test_one_source_is_recorded_once_per_kind(resident_a, community_a):
    source = community_a[1]  # any saved object can be a source
    add(resident_a, community_a[0], 3, kind=EntryKind.ACTIVITY, source=source)
    with pytest.raises(AlreadyRecorded):
        add(resident_a, community_a[0], 3, kind=EntryKind.ACTIVITY, source=source)
    assert selectors.balance(resident=resident_a) == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_spending_never_overdraws(resident_a, community_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…)")
    add(resident_a, community_a[0], 10)
    barrier, outcomes = threading.Barrier(2), []

    def spend():
        try:
            barrier.wait(timeout=5)
            add(resident_a, community_a[0], -7, kind=EntryKind.DEDUCTION)
            outcomes.append("ok")
        except InsufficientPoints:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=spend) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert selectors.balance(resident=resident_a) == 3 == selectors.ledger_total(resident=resident_a)
