"""Read queries of the evaluation app, for the admin, the public pages, home and the snapshots.

A few queries per community whatever the amount of data: the tasks, one grouped count of the evidence, and
the aggregates of evaluation/figures.py."""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from evaluation import figures
from evaluation.indicators import (
    TASK_INDICATORS,
    Indicator,
    TaskStatus,
    compute_all,
    month_starts,
    task_status,
)
from evaluation.models import ConstructionTask, EvaluationPeriod, Pillar, SurveyKind, TaskEvidence
from participation.models import Community
from workflows.models import ReviewState


def construction_tasks() -> QuerySet[ConstructionTask]:
    return ConstructionTask.objects.order_by("number")


def indicators_for(*, community: Community, as_of: date | None = None) -> list[Indicator]:
    as_of = as_of or timezone.localdate()
    inputs = figures.collect_inputs(community=community, as_of=as_of)
    return compute_all(inputs, figures.record_links(community=community))


def tasks_with_evidence_counts(*, community: Community) -> QuerySet[ConstructionTask]:
    """The 24 tasks in order, each with `approved` and `pending` (submitted, awaiting review) counts of the
    community's evidence, in one query."""
    mine = Q(evidence__community=community)
    return construction_tasks().annotate(
        approved=Count("evidence", filter=mine & Q(evidence__state=ReviewState.APPROVED)),
        pending=Count("evidence", filter=mine & Q(evidence__state=ReviewState.SUBMITTED)),
    )


@dataclass
class TaskRow:
    task: ConstructionTask
    approved: int
    pending: int
    indicators: list[Indicator]
    status: str

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.status).label)

    def to_dict(self) -> dict:
        return {
            "task": self.task.number,
            "pillar": self.task.pillar,
            "subcategory": self.task.subcategory,
            "binding": self.task.binding,
            "approved_evidence": self.approved,
            "pending_evidence": self.pending,
            "indicators": [indicator.number for indicator in self.indicators],
            "status": self.status,
            "status_label": self.status_label,
        }


@dataclass
class PillarGroup:
    pillar: str
    label: str
    binding: list[TaskRow] = field(default_factory=list)
    expected: list[TaskRow] = field(default_factory=list)


@dataclass
class SelfEvaluation:
    community: Community
    as_of: date
    indicators: list[Indicator]
    rows: list[TaskRow]

    @property
    def groups(self) -> list[PillarGroup]:
        groups = {value: PillarGroup(pillar=value, label=str(label)) for value, label in Pillar.choices}
        for row in self.rows:
            group = groups[row.task.pillar]
            (group.binding if row.task.binding else group.expected).append(row)
        return list(groups.values())

    def status_counts(self, *, binding: bool) -> dict[str, int]:
        counts = {value: 0 for value in TaskStatus.values}
        for row in self.rows:
            if row.task.binding == binding:
                counts[row.status] += 1
        return counts


def self_evaluation(*, community: Community, as_of: date | None = None) -> SelfEvaluation:
    """The 7.1 self-evaluation: every task with its evidence counts, its indicators and its status."""
    as_of = as_of or timezone.localdate()
    indicators = indicators_for(community=community, as_of=as_of)
    by_key = {indicator.key: indicator for indicator in indicators}
    rows = []
    for task in tasks_with_evidence_counts(community=community):
        task_indicators = [by_key[key] for key in TASK_INDICATORS.get(task.number, ())]
        rows.append(
            TaskRow(
                task=task,
                approved=task.approved,
                pending=task.pending,
                indicators=task_indicators,
                status=task_status(approved_evidence=task.approved, indicators=task_indicators),
            )
        )
    return SelfEvaluation(community=community, as_of=as_of, indicators=indicators, rows=rows)


def evidence_for_report(*, community: Community) -> QuerySet[TaskEvidence]:
    """Approved and pending evidence, for the report's evidence sheet (no drafts)."""
    return (
        TaskEvidence.objects.filter(
            community=community, state__in=[ReviewState.APPROVED, ReviewState.SUBMITTED]
        )
        .select_related("task")
        .annotate(file_count=Count("files"))
        .order_by("task__number", "start_date", "pk")
    )


def period_evidence_list(*, period: EvaluationPeriod) -> list[dict]:
    """The approved and pending evidence whose date (or period) falls in the evaluation period, as plain data."""
    evidence = (
        TaskEvidence.objects.filter(
            community=period.community_id,
            state__in=[ReviewState.APPROVED, ReviewState.SUBMITTED],
            start_date__lte=period.end,
        )
        .annotate(last_day=Coalesce("end_date", F("start_date")))
        .filter(last_day__gte=period.start)
        .select_related("task")
        .order_by("task__number", "start_date", "pk")
    )
    return [
        {
            "id": item.pk,
            "title": item.title,
            "task": item.task.number,
            "state": item.state,
            "start_date": item.start_date.isoformat(),
            "end_date": item.end_date.isoformat() if item.end_date else None,
        }
        for item in evidence
    ]


def periods_for(*, community: Community) -> QuerySet[EvaluationPeriod]:
    return EvaluationPeriod.objects.filter(community=community).select_related("snapshot", "closed_by")


def period_indicator_values(*, period: EvaluationPeriod, today: date | None = None) -> list[dict]:
    """A closed period's frozen values; an open one's computed live as of its end (or today, if earlier)."""
    snapshot = getattr(period, "snapshot", None) if period.is_closed else None
    if snapshot is not None:
        return snapshot.indicators
    as_of = min(period.end, today or timezone.localdate())
    return [indicator.to_dict() for indicator in indicators_for(community=period.community, as_of=as_of)]


def period_comparison(*, periods: list[EvaluationPeriod], today: date | None = None) -> list[dict]:
    """One row per indicator, one cell per period (in the order given): the table that compares periods."""
    columns = [period_indicator_values(period=period, today=today) for period in periods]
    rows = []
    for position, first in enumerate(columns[0] if columns else []):
        rows.append(
            {
                "number": first["number"],
                "name": first["name"],
                "unit": first["unit"],
                "threshold_text": first["threshold_text"],
                "cells": [column[position] for column in columns],
            }
        )
    return rows


def month_ends(as_of: date) -> list[date]:
    """The last day of each of the 12 months of the window, the current month ending at `as_of`."""
    ends = []
    for start in month_starts(as_of):
        last = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        ends.append(min(last, as_of))
    return ends


def indicator_series(
    *, community: Community, as_of: date | None = None
) -> dict[str, list[tuple[date, Indicator]]]:
    """Each indicator at the end of each of the last 12 months (for the dashboard charts)."""
    as_of = as_of or timezone.localdate()
    series: dict[str, list[tuple[date, Indicator]]] = {}
    for point in month_ends(as_of):
        for indicator in compute_all(figures.collect_inputs(community=community, as_of=point)):
            series.setdefault(indicator.key, []).append((point, indicator))
    return series


def survey_results(
    *, community: Community, as_of: date | None = None, counts: dict | None = None
) -> dict[str, dict]:
    """Per survey: responses in the 12-month window, positive ones and the rate (None without responses).

    `counts` (figures.survey_counts' result) saves the query when the caller already has it."""
    as_of = as_of or timezone.localdate()
    counts = counts if counts is not None else figures.survey_counts(community=community, as_of=as_of)
    results = {}
    for kind, total_key, positive_key in (
        (SurveyKind.AWARENESS, "awareness_total", "awareness_passed"),
        (SurveyKind.SATISFACTION, "satisfaction_total", "satisfaction_positive"),
    ):
        total, positive = counts[total_key], counts[positive_key]
        results[kind.value] = {
            "label": str(kind.label),
            "responses": total,
            "positive": positive,
            "rate": round(positive * 100 / total, 1) if total else None,
        }
    return results


def public_summary(*, community: Community, as_of: date | None = None) -> dict:
    """The open-data figures of one community: indicators, tasks' progress, survey rates. No personal data:
    counts and statuses only — no names, no evidence titles or files, no answers."""
    report = self_evaluation(community=community, as_of=as_of)
    # The survey counts were taken for the indicators already (figures.survey_counts remembers them).
    surveys = survey_results(community=community, as_of=report.as_of)
    return {
        "community": {"name": community.name, "slug": community.slug, "kind": community.kind},
        "as_of": report.as_of.isoformat(),
        "standard": "DB 3204/T 1058—2023",
        "indicators": [indicator.to_dict() for indicator in report.indicators],
        "tasks": [
            {
                "number": row.task.number,
                "pillar": str(row.task.get_pillar_display()),
                "subcategory": row.task.subcategory,
                "binding": row.task.binding,
                "approved_evidence": row.approved,
                "indicators": [indicator.number for indicator in row.indicators],
                "status": row.status,
                "status_label": row.status_label,
            }
            for row in report.rows
        ],
        "surveys": surveys,
    }


def indicator_badges(*, community: Community) -> list[Indicator]:
    """For the community home page's small 建设指标 section."""
    return indicators_for(community=community)


def community_by_slug(*, slug: str) -> Community | None:
    return Community.objects.filter(slug=slug).first()
