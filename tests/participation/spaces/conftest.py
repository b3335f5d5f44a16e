"""Fixtures of the shared-space tests: a fixed clock and a space open on weekdays 9:00–12:00 and 14:00–18:00."""

import datetime

import pytest
from django.utils import timezone

from participation.community_life.spaces import services
from tests.participation.clubs.conftest import (  # noqa: F401  (the same people and clubs)
    make_club,
    make_resident,
    operations_a,
    operations_b,
    superuser,
)

# Wednesday 2030-05-15, 10:00 Shanghai time: the "now" of every booking test.
NOW = timezone.make_aware(datetime.datetime(2030, 5, 15, 10, 0))
THURSDAY = datetime.date(2030, 5, 16)
SATURDAY = datetime.date(2030, 5, 18)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr("participation.community_life.models.spaces.now", lambda: NOW)
    return NOW


@pytest.fixture
def space(community_a):
    weekdays = [(day, datetime.time(9), datetime.time(12)) for day in range(5)]
    weekdays += [(day, datetime.time(14), datetime.time(18)) for day in range(5)]
    return services.upsert_space(
        community=community_a[0], name="睦邻会客厅", kind="lounge", capacity=30, hours=tuple(weekdays)
    )


@pytest.fixture
def book(space, resident_a):
    def make(start, end, *, date=THURSDAY, booker=None, target=None, **extra):
        return services.request_booking(
            booker=booker or resident_a,
            space=target or space,
            date=date,
            start_time=datetime.time(*start),
            end_time=datetime.time(*end),
            purpose="邻里茶话会",
            **extra,
        )

    return make
