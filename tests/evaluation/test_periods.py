"""Evaluation periods: closing freezes indicator values and the evidence list; later data changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from evaluation import selectors, services
from evaluation.models import EvaluationPeriod, PeriodSnapshot, SurveyKind
from workflows.models import ReviewState

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def period(community_a, evaluator_a):
    return services.create_period(
        user=evaluator_a,
        community=community_a[0],
        name="近一年",
        start=TODAY - datetime.timedelta(days=300),
        end=TODAY,
    )


def test_snapshot_is_unchanged_by_data_added_after_closing(
    period, evaluator_a, community_a, make_evidence, make_response, operations_a
):
    community = community_a[0]
    for positive in (True, True, True, False):
        make_response(community, SurveyKind.AWARENESS, positive=positive)
    approved = make_evidence(
        ReviewState.APPROVED, title="一月议事会", start_date=TODAY - datetime.timedelta(days=30)
    )
    make_evidence(ReviewState.APPROVED, title="期外佐证", start_date=TODAY - datetime.timedelta(days=400))

    snapshot = services.close_period(period=period, user=evaluator_a)
    frozen_indicators, frozen_evidence = snapshot.indicators, snapshot.evidence
    awareness = next(i for i in frozen_indicators if i["key"] == "awareness")
    assert (awareness["numerator"], awareness["denominator"], awareness["value"]) == (3, 4, 75)
    assert [item["id"] for item in frozen_evidence] == [approved.pk]
    assert frozen_evidence[0]["title"] == "一月议事会"

    # New data arrives: more answers, new approved evidence in the period, a renamed old one.
    for _ in range(10):
        make_response(community, SurveyKind.AWARENESS, positive=True)
    make_evidence(ReviewState.APPROVED, title="二月议事会", start_date=TODAY - datetime.timedelta(days=10))
    approved.title = "改名后的标题"
    approved.save()

    stored = PeriodSnapshot.objects.get(period=period)
    assert stored.indicators == frozen_indicators and stored.evidence == frozen_evidence
    assert (
        selectors.period_indicator_values(period=EvaluationPeriod.objects.get(pk=period.pk))
        == frozen_indicators
    )
    live = {i.key: i for i in selectors.indicators_for(community=community)}
    assert live["awareness"].numerator == 13  # the live figure moved on; the snapshot did not


def test_a_snapshot_cannot_be_rewritten(period, evaluator_a):
    snapshot = services.close_period(period=period, user=evaluator_a)
    snapshot.indicators = []
    with pytest.raises(ValueError):
        snapshot.save()


def test_closing_twice_and_editing_a_closed_period_are_refused(period, evaluator_a):
    services.close_period(period=period, user=evaluator_a)
    with pytest.raises(services.PeriodClosed):
        services.close_period(period=period, user=evaluator_a)
    with pytest.raises(services.PeriodClosed):
        services.update_period(
            period=period, user=evaluator_a, name="改名", start=period.start, end=period.end
        )


def test_only_the_communitys_evaluation_group_closes(period, evaluator_b, coordinator_a):
    for user in (evaluator_b, coordinator_a):
        with pytest.raises(PermissionDenied):
            services.close_period(period=period, user=user)
    assert not EvaluationPeriod.objects.get(pk=period.pk).is_closed


def test_close_and_compare_in_the_admin(client, period, evaluator_a, community_a, make_response):
    services.create_period(
        user=evaluator_a,
        community=community_a[0],
        name="上一年",
        start=TODAY - datetime.timedelta(days=700),
        end=TODAY - datetime.timedelta(days=366),
    )
    make_response(community_a[0], SurveyKind.SATISFACTION, positive=True)
    client.force_login(evaluator_a)
    response = client.post(reverse("evaluation_periods:close", args=[period.pk]))
    assert response.status_code == 302
    assert EvaluationPeriod.objects.get(pk=period.pk).closed_by == evaluator_a

    page = client.get(reverse("evaluation_periods:compare") + f"?community={community_a[0].pk}")
    content = page.content.decode()
    assert page.status_code == 200 and "近一年" in content and "上一年" in content
    rows = page.context["rows"]
    assert len(rows) == 9 and all(len(row["cells"]) == 2 for row in rows)
    satisfaction = next(row for row in rows if row["number"] == 9)
    assert [cell["denominator"] for cell in satisfaction["cells"]] == [0, 1]  # earlier period first

    edit = client.get(reverse("evaluation_periods:edit", args=[period.pk]))
    assert edit.status_code == 302  # closed: back to its snapshot


def test_end_before_start_is_refused_with_a_chinese_message(client, evaluator_a, community_a):
    client.force_login(evaluator_a)
    response = client.post(
        reverse("evaluation_periods:add"),
        {"community": community_a[0].pk, "name": "倒置", "start": "2026-05-01", "end": "2026-04-01"},
    )
    assert response.status_code == 200
    assert "结束日期不能早于开始日期" in str(response.context["form"].errors["end"])
    assert not EvaluationPeriod.objects.filter(name="倒置").exists()
