"""The nine quantitative indicators of 表1 (docs/architecture.md, “Evaluation”), as pure functions of `IndicatorInputs`.

No database here: evaluation/figures.py gathers the inputs with aggregate queries, this module only does the
arithmetic, so every rule is tested on hand-computed inputs. A missing input or a zero denominator gives the
status "no data" — never an exception and never a made-up zero. Thresholds are compared exactly (fractions);
the displayed value is rounded down to two decimals, so a value shown as 18.00 has really reached 18."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import CommunityKind

TWO_PLACES = Decimal("0.01")
MONTHS = 12


class Status(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NO_DATA = "no_data", _("No data")


class TaskStatus(models.TextChoices):
    MET = "met", _("Achieved")
    NOT_MET = "not_met", _("Indicator not met")
    NO_EVIDENCE = "no_evidence", _("No approved evidence")
    NO_DATA = "no_data", _("Indicator without data")


def period_start(as_of: date) -> date:
    """First day of the month eleven months before `as_of`'s: the window of the last 12 calendar months."""
    month_index = as_of.year * 12 + (as_of.month - 1) - (MONTHS - 1)
    return date(month_index // 12, month_index % 12 + 1, 1)


def month_starts(as_of: date) -> list[date]:
    """The first days of the 12 months of the window, oldest first."""
    first = period_start(as_of)
    index = first.year * 12 + first.month - 1
    return [date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(MONTHS)]


@dataclass(frozen=True)
class IndicatorInputs:
    """Everything the indicators need about one community as of one day. None means "no data"."""

    as_of: date
    kind: str
    resident_population: int | None = None
    households: int | None = None
    #: Meetings (议事会) held in each of the 12 months of the window, oldest first.
    meetings_per_month: Sequence[int] | None = None
    social_organisations: int | None = None
    #: Quiz respondents who passed / all quiz respondents in the window.
    awareness_correct: int | None = None
    awareness_total: int | None = None
    volunteers: int | None = None
    facility_area_m2: Decimal | None = None
    service_space_area_m2: Decimal | None = None
    waste_facilities_total: int | None = None
    waste_facilities_completed: int | None = None
    social_workers: int | None = None
    #: Satisfied answers (questionnaire overall rating ≥ 4, 解忧铺 rating ≥ 4) / all of them in the window.
    satisfaction_positive: int | None = None
    satisfaction_total: int | None = None

    @property
    def period_start(self) -> date:
        return period_start(self.as_of)

    @property
    def is_village(self) -> bool:
        return self.kind == CommunityKind.VILLAGE


@dataclass(frozen=True)
class Indicator:
    number: int
    key: str
    name: str
    task_number: int
    threshold_text: str
    threshold: Decimal
    unit: str
    formula: str
    value: Decimal | None
    numerator: int | Decimal | None
    denominator: int | Decimal | None
    period_start: date
    period_end: date
    status: str
    #: (URL name, kwargs) of the records behind the figure, or None while there is nothing to link to.
    link: tuple[str, dict] | None = None

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def link_url(self) -> str | None:
        if self.link is None:
            return None
        from django.urls import NoReverseMatch, reverse

        try:
            return reverse(self.link[0], kwargs=self.link[1])
        except NoReverseMatch:
            return None

    @property
    def is_met(self) -> bool:
        return self.status == Status.MET

    def to_dict(self) -> dict:
        """JSON-safe (open data, snapshots): numbers as numbers, texts in the active language."""
        return {
            "number": self.number,
            "key": self.key,
            "name": str(self.name),
            "task": self.task_number,
            "threshold": _number(self.threshold),
            "threshold_text": str(self.threshold_text),
            "unit": str(self.unit),
            "formula": str(self.formula),
            "value": _number(self.value),
            "numerator": _number(self.numerator),
            "denominator": _number(self.denominator),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "status": self.status,
            "status_label": self.status_label,
        }


def _number(value):
    if value is None or isinstance(value, int):
        return value
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _display(fraction: Fraction) -> Decimal:
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_FLOOR
    )


def _ratio(numerator, denominator, scale: int) -> Fraction | None:
    """numerator / denominator × scale, or None when an input is missing or the denominator is not positive."""
    if numerator is None or denominator is None:
        return None
    denominator = Fraction(Decimal(denominator))
    if denominator <= 0:
        return None
    return Fraction(Decimal(numerator)) / denominator * scale


@dataclass(frozen=True)
class _Spec:
    number: int
    key: str
    name: str
    task_number: int
    threshold_text: str
    unit: str
    formula: str


def _build(
    spec: _Spec, inputs: IndicatorInputs, *, threshold, exact: Fraction | None, numerator, denominator, links
) -> Indicator:
    threshold = Decimal(threshold)
    if exact is None:
        status, value = Status.NO_DATA, None
    else:
        status = Status.MET if exact >= Fraction(threshold) else Status.NOT_MET
        value = _display(exact)
    return Indicator(
        number=spec.number,
        key=spec.key,
        name=spec.name,
        task_number=spec.task_number,
        threshold_text=spec.threshold_text,
        threshold=threshold,
        unit=spec.unit,
        formula=spec.formula,
        value=value,
        numerator=numerator,
        denominator=denominator,
        period_start=inputs.period_start,
        period_end=inputs.as_of,
        status=status.value,
        link=(links or {}).get(spec.key),
    )


SPECS = {
    spec.key: spec
    for spec in (
        _Spec(
            1,
            "meetings",
            _("Monthly deliberation meetings"),
            1,
            _("At least one 议事会 in each of the last 12 months"),
            _("months"),
            _("Months with at least one meeting, of the last 12"),
        ),
        _Spec(
            2,
            "social_organisations",
            _("Registered social organisations"),
            6,
            _("At least 10 (a village: at least 5)"),
            _("organisations"),
            _("Social organisations registered with the community"),
        ),
        _Spec(
            3,
            "awareness",
            _("Convention awareness rate"),
            9,
            _("At least 90 %"),
            "%",
            _("Quiz respondents who passed ÷ all respondents"),
        ),
        _Spec(
            4,
            "volunteers",
            _("Resident volunteers"),
            11,
            _("At least 20 per cent of the resident population"),
            "%",
            _("Registered volunteers ÷ resident population"),
        ),
        _Spec(
            5,
            "facility_area",
            _("Community service facility area"),
            13,
            _("At least 30 m² per 100 households"),
            _("m² per 100 households"),
            _("Facility area ÷ households × 100"),
        ),
        _Spec(
            6,
            "service_space_share",
            _("Resident service and activity space"),
            13,
            _("At least 70 per cent of the facility area"),
            "%",
            _("Service and activity space ÷ facility area"),
        ),
        _Spec(
            7,
            "waste_facilities",
            _("Waste-sorting facility completion"),
            17,
            _("100 %"),
            "%",
            _("Completed waste-sorting facilities ÷ planned ones"),
        ),
        _Spec(
            8,
            "social_workers",
            _("Community social workers"),
            19,
            _("At least 18 per 10,000 residents"),
            _("per 10,000 residents"),
            _("Social workers ÷ resident population × 10,000"),
        ),
        _Spec(
            9,
            "satisfaction",
            _("Resident service satisfaction rate"),
            19,
            _("At least 90 %"),
            "%",
            _("Satisfied answers (rating 4 or 5) ÷ all answers, questionnaire and 解忧铺 ratings"),
        ),
    )
}
#: Which indicators belong to which construction task.
TASK_INDICATORS: dict[int, tuple[str, ...]] = {}
for _spec in SPECS.values():
    TASK_INDICATORS.setdefault(_spec.task_number, ())
    TASK_INDICATORS[_spec.task_number] += (_spec.key,)


def meetings(inputs: IndicatorInputs, links=None) -> Indicator:
    per_month = inputs.meetings_per_month
    exact = numerator = denominator = None
    if per_month is not None and len(per_month) == MONTHS:
        numerator = sum(1 for count in per_month if count and count >= 1)
        denominator = MONTHS
        exact = Fraction(numerator)
    return _build(
        SPECS["meetings"],
        inputs,
        threshold=MONTHS,
        exact=exact,
        numerator=numerator,
        denominator=denominator,
        links=links,
    )


def social_organisations(inputs: IndicatorInputs, links=None) -> Indicator:
    count = inputs.social_organisations
    threshold = 5 if inputs.is_village else 10
    exact = None if count is None else Fraction(count)
    return _build(
        SPECS["social_organisations"],
        inputs,
        threshold=threshold,
        exact=exact,
        numerator=count,
        denominator=None,
        links=links,
    )


def awareness(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["awareness"],
        inputs,
        threshold=90,
        exact=_ratio(inputs.awareness_correct, inputs.awareness_total, 100),
        numerator=inputs.awareness_correct,
        denominator=inputs.awareness_total,
        links=links,
    )


def volunteers(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["volunteers"],
        inputs,
        threshold=20,
        exact=_ratio(inputs.volunteers, inputs.resident_population, 100),
        numerator=inputs.volunteers,
        denominator=inputs.resident_population,
        links=links,
    )


def facility_area(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["facility_area"],
        inputs,
        threshold=30,
        exact=_ratio(inputs.facility_area_m2, inputs.households, 100),
        numerator=inputs.facility_area_m2,
        denominator=inputs.households,
        links=links,
    )


def service_space_share(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["service_space_share"],
        inputs,
        threshold=70,
        exact=_ratio(inputs.service_space_area_m2, inputs.facility_area_m2, 100),
        numerator=inputs.service_space_area_m2,
        denominator=inputs.facility_area_m2,
        links=links,
    )


def waste_facilities(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["waste_facilities"],
        inputs,
        threshold=100,
        exact=_ratio(inputs.waste_facilities_completed, inputs.waste_facilities_total, 100),
        numerator=inputs.waste_facilities_completed,
        denominator=inputs.waste_facilities_total,
        links=links,
    )


def social_workers(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["social_workers"],
        inputs,
        threshold=18,
        exact=_ratio(inputs.social_workers, inputs.resident_population, 10_000),
        numerator=inputs.social_workers,
        denominator=inputs.resident_population,
        links=links,
    )


def satisfaction(inputs: IndicatorInputs, links=None) -> Indicator:
    return _build(
        SPECS["satisfaction"],
        inputs,
        threshold=90,
        exact=_ratio(inputs.satisfaction_positive, inputs.satisfaction_total, 100),
        numerator=inputs.satisfaction_positive,
        denominator=inputs.satisfaction_total,
        links=links,
    )


CALCULATORS = (
    meetings,
    social_organisations,
    awareness,
    volunteers,
    facility_area,
    service_space_share,
    waste_facilities,
    social_workers,
    satisfaction,
)


def compute_all(
    inputs: IndicatorInputs, links: Mapping[str, tuple[str, dict] | None] | None = None
) -> list[Indicator]:
    """The nine indicators in the standard's order."""
    return [calculate(inputs, links) for calculate in CALCULATORS]


def task_status(*, approved_evidence: int, indicators: Sequence[Indicator]) -> str:
    """A task is achieved when it has approved evidence and all its indicators are met.

    An unmet indicator is the most telling fact, then missing evidence, then an indicator without data:
    "no data" is never shown as achieved."""
    statuses = {indicator.status for indicator in indicators}
    if Status.NOT_MET in statuses:
        return TaskStatus.NOT_MET.value
    if approved_evidence < 1:
        return TaskStatus.NO_EVIDENCE.value
    if Status.NO_DATA in statuses:
        return TaskStatus.NO_DATA.value
    return TaskStatus.MET.value
