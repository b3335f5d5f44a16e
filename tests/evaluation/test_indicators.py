"""The nine indicators on hand-computed inputs: thresholds (社区 vs 村), exact boundaries, no data, zero."""

from datetime import date
from decimal import Decimal

import pytest

from evaluation import indicators as ind
from evaluation.indicators import IndicatorInputs, Status, TaskStatus

AS_OF = date(2026, 6, 30)
URBAN, VILLAGE = "urban", "village"


def inputs(**fields):
    fields.setdefault("kind", URBAN)
    return IndicatorInputs(as_of=AS_OF, **fields)


def test_window_is_the_last_twelve_calendar_months():
    assert ind.period_start(date(2026, 6, 30)) == date(2025, 7, 1)
    assert ind.period_start(date(2026, 1, 5)) == date(2025, 2, 1)
    assert ind.month_starts(date(2026, 1, 5))[0] == date(2025, 2, 1)
    assert ind.month_starts(date(2026, 1, 5))[-1] == date(2026, 1, 1)


def test_all_nine_in_the_standards_order_with_their_tasks():
    result = ind.compute_all(inputs())
    assert [(i.number, i.task_number) for i in result] == [
        (1, 1),
        (2, 6),
        (3, 9),
        (4, 11),
        (5, 13),
        (6, 13),
        (7, 17),
        (8, 19),
        (9, 19),
    ]
    assert all(i.status == Status.NO_DATA and i.value is None for i in result)
    assert all(i.period_start == date(2025, 7, 1) and i.period_end == AS_OF for i in result)


# --- 1 议事会 --------------------------------------------------------------------------------------------


def test_meetings_met_when_every_month_has_one():
    indicator = ind.meetings(inputs(meetings_per_month=[1, 2, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1]))
    assert indicator.status == Status.MET
    assert (indicator.numerator, indicator.denominator, indicator.value) == (12, 12, Decimal("12.00"))


def test_meetings_not_met_with_one_empty_month_even_if_others_have_several():
    indicator = ind.meetings(inputs(meetings_per_month=[3, 3, 3, 0, 3, 3, 3, 3, 3, 3, 3, 3]))
    assert indicator.status == Status.NOT_MET
    assert indicator.numerator == 11


@pytest.mark.parametrize("per_month", [None, [1] * 11, []])
def test_meetings_no_data(per_month):
    assert ind.meetings(inputs(meetings_per_month=per_month)).status == Status.NO_DATA


# --- 2 社会组织: 社区 ≥ 10, 村 ≥ 5 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, count, status",
    [
        (URBAN, 10, Status.MET),
        (URBAN, 9, Status.NOT_MET),
        (VILLAGE, 5, Status.MET),
        (VILLAGE, 4, Status.NOT_MET),
        (VILLAGE, 9, Status.MET),
        (URBAN, 0, Status.NOT_MET),
        (URBAN, None, Status.NO_DATA),
    ],
)
def test_social_organisations_threshold_depends_on_kind(kind, count, status):
    indicator = ind.social_organisations(inputs(kind=kind, social_organisations=count))
    assert indicator.status == status
    assert indicator.threshold == (5 if kind == VILLAGE else 10)


# --- 3 公约知晓率 ≥ 90 % -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "correct, total, status, value",
    [
        (90, 100, Status.MET, "90.00"),
        (89, 100, Status.NOT_MET, "89.00"),
        (9, 10, Status.MET, "90.00"),
        (17, 19, Status.NOT_MET, "89.47"),
        (0, 0, Status.NO_DATA, None),
        (None, None, Status.NO_DATA, None),
        (5, None, Status.NO_DATA, None),
    ],
)
def test_awareness(correct, total, status, value):
    indicator = ind.awareness(inputs(awareness_correct=correct, awareness_total=total))
    assert indicator.status == status
    assert indicator.value == (Decimal(value) if value else None)


def test_displayed_value_is_rounded_down_so_it_never_looks_met_when_it_is_not():
    # 899/1000 … and 8999/10000 = 89.99 %: shown as 89.99, never 90.00.
    indicator = ind.awareness(inputs(awareness_correct=89_999, awareness_total=100_000))
    assert indicator.value == Decimal("89.99") and indicator.status == Status.NOT_MET


# --- 4 志愿者 ≥ 常住人口 × 20 % ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "volunteers, population, status",
    [
        (2000, 10000, Status.MET),
        (1999, 10000, Status.NOT_MET),
        (1, 5, Status.MET),
        (5, 0, Status.NO_DATA),
        (None, 10000, Status.NO_DATA),
        (100, None, Status.NO_DATA),
    ],
)
def test_volunteers(volunteers, population, status):
    indicator = ind.volunteers(inputs(volunteers=volunteers, resident_population=population))
    assert indicator.status == status


# --- 5 and 6 设施 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "area, households, status, value",
    [
        (Decimal("1050"), 3500, Status.MET, "30.00"),
        (Decimal("1049.9"), 3500, Status.NOT_MET, "29.99"),
        (Decimal("600"), 0, Status.NO_DATA, None),
        (None, 3500, Status.NO_DATA, None),
    ],
)
def test_facility_area_per_hundred_households(area, households, status, value):
    indicator = ind.facility_area(inputs(facility_area_m2=area, households=households))
    assert indicator.status == status
    assert indicator.value == (Decimal(value) if value else None)


@pytest.mark.parametrize(
    "service, area, status",
    [
        (Decimal("700"), Decimal("1000"), Status.MET),
        (Decimal("699.99"), Decimal("1000"), Status.NOT_MET),
        (Decimal("10"), Decimal("0"), Status.NO_DATA),
        (None, Decimal("1000"), Status.NO_DATA),
        (Decimal("700"), None, Status.NO_DATA),
    ],
)
def test_service_space_share(service, area, status):
    assert (
        ind.service_space_share(inputs(service_space_area_m2=service, facility_area_m2=area)).status == status
    )


# --- 7 垃圾分类设施建成率 100 % ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "completed, total, status",
    [(12, 12, Status.MET), (11, 12, Status.NOT_MET), (0, 0, Status.NO_DATA), (None, 12, Status.NO_DATA)],
)
def test_waste_facilities(completed, total, status):
    indicator = ind.waste_facilities(
        inputs(waste_facilities_completed=completed, waste_facilities_total=total)
    )
    assert indicator.status == status


# --- 8 社工 ≥ 18 per 10,000 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "workers, population, status, value",
    [
        (18, 10000, Status.MET, "18.00"),
        (17, 10000, Status.NOT_MET, "17.00"),
        (9, 5000, Status.MET, "18.00"),
        (8, 4500, Status.NOT_MET, "17.77"),
        (3, 0, Status.NO_DATA, None),
        (None, 10000, Status.NO_DATA, None),
    ],
)
def test_social_workers(workers, population, status, value):
    indicator = ind.social_workers(inputs(social_workers=workers, resident_population=population))
    assert indicator.status == status
    assert indicator.value == (Decimal(value) if value else None)


# --- 9 居民服务满意率 ≥ 90 % ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "positive, total, status",
    [(45, 50, Status.MET), (44, 50, Status.NOT_MET), (0, 0, Status.NO_DATA), (None, None, Status.NO_DATA)],
)
def test_satisfaction(positive, total, status):
    assert ind.satisfaction(inputs(satisfaction_positive=positive, satisfaction_total=total)).status == status


def test_links_are_passed_through_and_to_dict_is_json_ready():
    links = {"awareness": ("self_evaluation:surveys", {"community_id": 1})}
    result = {i.key: i for i in ind.compute_all(inputs(awareness_correct=9, awareness_total=10), links)}
    assert result["awareness"].link == ("self_evaluation:surveys", {"community_id": 1})
    assert result["volunteers"].link is None
    data = result["awareness"].to_dict()
    assert data["value"] == 90 and data["numerator"] == 9 and data["denominator"] == 10
    assert data["status"] == "met" and data["status_label"] == "达标"
    assert data["period_start"] == "2025-07-01" and data["task"] == 9


# --- task status --------------------------------------------------------------------------------------------


def _with(status):
    return ind.awareness(
        inputs(awareness_correct={"met": 9, "not_met": 1, "no_data": None}[status], awareness_total=10)
    )


@pytest.mark.parametrize(
    "approved, statuses, expected",
    [
        (1, ["met"], TaskStatus.MET),
        (0, ["met"], TaskStatus.NO_EVIDENCE),
        (3, ["not_met"], TaskStatus.NOT_MET),
        (0, ["not_met"], TaskStatus.NOT_MET),
        (2, ["met", "no_data"], TaskStatus.NO_DATA),
        (1, [], TaskStatus.MET),
        (0, [], TaskStatus.NO_EVIDENCE),
    ],
)
def test_task_status(approved, statuses, expected):
    assert ind.task_status(approved_evidence=approved, indicators=[_with(s) for s in statuses]) == expected
