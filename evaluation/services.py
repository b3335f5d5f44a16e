"""Every write a user can cause in evaluation, each in a transaction. Review transitions of evidence go through
workflows.services.perform_transition; nothing here changes an evidence's state."""

from datetime import date

import rules
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluation import selectors
from evaluation.models import (
    EvaluationPeriod,
    EvidenceFile,
    EvidenceLink,
    PeriodSnapshot,
    SurveyResponse,
    TaskEvidence,
)
from evaluation.uploads import CheckedFile
from participation.models import Community
from workflows.exceptions import Forbidden, Invalid


class AlreadyAnswered(Invalid):
    def __init__(self):
        super().__init__(
            _("You have already answered this survey this year. Thank you!"), code="already_answered"
        )


class PeriodClosed(Invalid):
    def __init__(self):
        super().__init__(_("This evaluation period is closed; its figures are frozen."), code="period_closed")


# --- evidence ----------------------------------------------------------------------------------------------


def _store_files(*, evidence: TaskEvidence, files: list[CheckedFile], user) -> None:
    for checked in files:
        record = EvidenceFile(
            evidence=evidence,
            original_name=checked.original_name,
            kind=checked.kind,
            size=checked.size,
            uploaded_by=user,
        )
        record.file.save(checked.original_name, checked.uploaded, save=False)
        record.save()


def _set_links(*, evidence: TaskEvidence, targets) -> None:
    wanted = {(ContentType.objects.get_for_model(target).pk, target.pk) for target in targets}
    current = {(link.content_type_id, link.object_id): link for link in evidence.links.all()}
    for key, link in current.items():
        if key not in wanted:
            link.delete()
    for content_type_id, object_id in wanted - set(current):
        EvidenceLink.objects.create(evidence=evidence, content_type_id=content_type_id, object_id=object_id)


def _check_fields(evidence: TaskEvidence) -> None:
    if evidence.end_date and evidence.end_date < evidence.start_date:
        raise Invalid({"end_date": _("The end date cannot be before the start date.")})


@transaction.atomic
def create_evidence(
    *,
    author,
    community: Community,
    task,
    title: str,
    description: str = "",
    start_date: date,
    end_date: date | None = None,
    measured_values: dict | None = None,
    files: list[CheckedFile] = (),
    links=(),
) -> TaskEvidence:
    """A draft by operations or coordination staff of `community`; the author submits it for review."""
    probe = TaskEvidence(community=community)
    if not rules.has_perm("evaluation.draft_evidence", author, probe):
        raise Forbidden
    evidence = TaskEvidence(
        author=author,
        community=community,
        task=task,
        title=title,
        description=description,
        start_date=start_date,
        end_date=end_date,
        measured_values=measured_values or {},
    )
    _check_fields(evidence)
    evidence.save()
    _store_files(evidence=evidence, files=list(files), user=author)
    _set_links(evidence=evidence, targets=links)
    return evidence


@transaction.atomic
def update_evidence(
    *,
    evidence: TaskEvidence,
    user,
    task,
    title: str,
    description: str = "",
    start_date: date,
    end_date: date | None = None,
    measured_values: dict | None = None,
    files: list[CheckedFile] = (),
    remove_files=(),
    links=(),
) -> TaskEvidence:
    """Only the author, and only while the evidence is a draft or returned for changes."""
    locked = TaskEvidence.objects.select_for_update().get(pk=evidence.pk)
    if not rules.has_perm("evaluation.edit_evidence", user, locked):
        raise Forbidden
    locked.task, locked.title, locked.description = task, title, description
    locked.start_date, locked.end_date = start_date, end_date
    locked.measured_values = measured_values or {}
    _check_fields(locked)
    locked.save()
    for record in locked.files.filter(pk__in=[f.pk for f in remove_files]):
        record.file.delete(save=False)
        record.delete()
    _store_files(evidence=locked, files=list(files), user=user)
    _set_links(evidence=locked, targets=links)
    return locked


# --- periods -----------------------------------------------------------------------------------------------


def _check_may_manage(*, user, community: Community) -> None:
    if not rules.has_perm("evaluation.manage_periods", user, community):
        raise Forbidden


@transaction.atomic
def create_period(*, user, community: Community, name: str, start: date, end: date) -> EvaluationPeriod:
    _check_may_manage(user=user, community=community)
    if end < start:
        raise Invalid({"end": _("The end date cannot be before the start date.")})
    if EvaluationPeriod.objects.filter(community=community, name=name).exists():
        raise Invalid({"name": _("This community already has a period with this name.")})
    return EvaluationPeriod.objects.create(community=community, name=name, start=start, end=end)


@transaction.atomic
def update_period(*, period: EvaluationPeriod, user, name: str, start: date, end: date) -> EvaluationPeriod:
    locked = EvaluationPeriod.objects.select_for_update().get(pk=period.pk)
    _check_may_manage(user=user, community=locked.community)
    if locked.is_closed:
        raise PeriodClosed()
    if end < start:
        raise Invalid({"end": _("The end date cannot be before the start date.")})
    locked.name, locked.start, locked.end = name, start, end
    locked.save(update_fields=["name", "start", "end"])
    return locked


@transaction.atomic
def close_period(*, period: EvaluationPeriod, user, today: date | None = None) -> PeriodSnapshot:
    """Freeze the period's indicator values, task statuses and evidence list. Closing twice is refused.

    The figures are taken as of the period's end, or today if the period is closed before it ends."""
    locked = EvaluationPeriod.objects.select_for_update().select_related("community").get(pk=period.pk)
    _check_may_manage(user=user, community=locked.community)
    if locked.is_closed:
        raise PeriodClosed()
    today = today or timezone.localdate()
    as_of = min(locked.end, today)
    report = selectors.self_evaluation(community=locked.community, as_of=as_of)
    snapshot = PeriodSnapshot.objects.create(
        period=locked,
        as_of=as_of,
        indicators=[indicator.to_dict() for indicator in report.indicators],
        tasks=[row.to_dict() for row in report.rows],
        evidence=selectors.period_evidence_list(period=locked),
    )
    locked.closed_at = timezone.now()
    locked.closed_by = user
    locked.save(update_fields=["closed_at", "closed_by"])
    period.closed_at, period.closed_by = locked.closed_at, locked.closed_by
    return snapshot


# --- surveys -----------------------------------------------------------------------------------------------


def submit_survey_response(
    *,
    community: Community,
    kind: str,
    respondent,
    answers: dict,
    score: int,
    max_score: int,
    positive: bool,
    now=None,
) -> SurveyResponse:
    """One response per logged-in resident, survey and year (the database decides a race); visitors are
    limited by the view (session and per-IP counter)."""
    now = now or timezone.now()
    respondent = respondent if respondent is not None and respondent.is_authenticated else None
    year = timezone.localtime(now).year
    if (
        respondent is not None
        and SurveyResponse.objects.filter(
            community=community, kind=kind, respondent=respondent, year=year
        ).exists()
    ):
        raise AlreadyAnswered()
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                community=community,
                kind=kind,
                respondent=respondent,
                year=year,
                submitted_at=now,
                answers=answers,
                score=score,
                max_score=max_score,
                positive=positive,
            )
    except IntegrityError:
        raise AlreadyAnswered() from None
