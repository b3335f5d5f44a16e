"""Two residents request overlapping slots of one space at the same moment: exactly one succeeds. The code's
overlap check cannot see the other's uncommitted booking; PostgreSQL's exclusion constraint decides."""

import datetime
import threading

import pytest
from django.db import connection

from participation.community_life.models import SpaceBooking
from participation.community_life.spaces import selectors, services
from tests.participation.spaces.conftest import THURSDAY


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_overlapping_bookings_one_wins(space, resident_a, make_resident, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists on PostgreSQL only; needs DATABASE_URL=postgres://…")
    bookers = [resident_a, make_resident("13900000109", "王小红")]
    checked = threading.Barrier(2)
    real_overlapping = selectors.overlapping_bookings

    def overlapping_then_wait(**kwargs):
        # Both threads have looked for clashes (and found none) before either saves: the worst case.
        result = list(real_overlapping(**kwargs))
        checked.wait(timeout=5)
        return _FirstOnly(result)

    monkeypatch.setattr(selectors, "overlapping_bookings", overlapping_then_wait)
    outcomes = []

    def request(booker, start, end):
        try:
            services.request_booking(
                booker=booker,
                space=space,
                date=THURSDAY,
                start_time=datetime.time(*start),
                end_time=datetime.time(*end),
                purpose="活动",
            )
            outcomes.append("ok")
        except services.BookingRefused as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=request, args=(bookers[0], (9, 0), (10, 30))),
        threading.Thread(target=request, args=(bookers[1], (10, 0), (11, 0))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["ok", "该时段刚刚已被他人预约，请选择其他时间。"]
    assert SpaceBooking.objects.count() == 1


class _FirstOnly(list):
    def first(self):
        return self[0] if self else None
