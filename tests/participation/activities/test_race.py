"""Two residents take the last seat at the same moment: one confirmed, one waitlisted (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from participation.activities import services
from participation.activities.models import ActivitySignup, SignupStatus


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("first_signup", [True, False], ids=["roster-exists", "first-signups-race"])
def test_last_seat_goes_to_exactly_one(first_signup, make_activity, make_resident):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…); SQLite serialises writers")
    activity = make_activity(capacity=2 if first_signup else 1)
    if first_signup:
        services.sign_up(activity=activity, resident=make_resident(1))
    racers = [make_resident(2), make_resident(3)]
    barrier, outcomes = threading.Barrier(2), []

    def take_seat(resident):
        try:
            barrier.wait(timeout=5)
            outcomes.append(services.sign_up(activity=activity, resident=resident).status)
        except Exception as error:  # pragma: no cover - shown by the assertion
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=take_seat, args=(r,)) for r in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == [SignupStatus.CONFIRMED, SignupStatus.WAITLISTED]
    capacity = 2 if first_signup else 1
    assert ActivitySignup.objects.filter(status=SignupStatus.CONFIRMED).count() == capacity
