"""Races on PostgreSQL: two evaluators close one period at once; one resident submits a survey twice at once."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from evaluation import services
from evaluation.models import PeriodSnapshot, SurveyKind, SurveyResponse


def run_together(*calls):
    start = threading.Barrier(len(calls))
    outcomes = {}

    def run(index, call):
        try:
            start.wait(timeout=5)
            call()
            outcomes[index] = "ok"
        except Exception as error:
            outcomes[index] = type(error).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes.values())


def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (select_for_update is a no-op); needs DATABASE_URL=postgres://…")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_evaluators_close_the_same_period_once(community_a, evaluator_a, second_evaluator_a):
    needs_postgres()
    today = timezone.localdate()
    period = services.create_period(
        user=evaluator_a,
        community=community_a[0],
        name="并发",
        start=today - datetime.timedelta(days=30),
        end=today,
    )
    outcomes = run_together(
        lambda: services.close_period(period=type(period).objects.get(pk=period.pk), user=evaluator_a),
        lambda: services.close_period(period=type(period).objects.get(pk=period.pk), user=second_evaluator_a),
    )
    assert outcomes == ["PeriodClosed", "ok"]
    assert PeriodSnapshot.objects.filter(period=period).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_resident_submitting_twice_at_once_counts_once(community_a, resident_a):
    needs_postgres()

    def submit():
        services.submit_survey_response(
            community=community_a[0],
            kind=SurveyKind.SATISFACTION,
            respondent=resident_a,
            answers={"overall": 5},
            score=5,
            max_score=5,
            positive=True,
        )

    assert run_together(submit, submit) == ["AlreadyAnswered", "ok"]
    assert SurveyResponse.objects.count() == 1
