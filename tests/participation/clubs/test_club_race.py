"""Two residents join the last free place of a club at the same moment: exactly one gets it (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from participation.community_life.clubs import services
from participation.community_life.models import ClubMembership


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_joins_of_the_last_place(make_club, make_resident):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (select_for_update is a no-op); needs DATABASE_URL=postgres://…")
    club = make_club(member_limit=1)
    joiners = [make_resident("13900000109", "王小红"), make_resident("13900000110", "赵大海")]
    start = threading.Barrier(2)
    outcomes = []

    def join(resident):
        try:
            start.wait(timeout=5)
            services.join_club(club=club, resident=resident)
            outcomes.append("ok")
        except services.ClubActionRefused as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(resident,)) for resident in joiners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["full", "ok"]
    assert ClubMembership.objects.filter(club=club).count() == 1
