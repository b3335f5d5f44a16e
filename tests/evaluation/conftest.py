"""Fixtures of the evaluation tests: staff of each work group, evidence in any state, survey responses."""

import datetime

import pytest
from django.utils import timezone

from evaluation.models import ConstructionTask, SurveyKind, SurveyResponse, TaskEvidence
from participation.models import User
from participation.roles import StaffRole
from tests.conftest import PASSWORD


@pytest.fixture
def operations_a(make_staff, community_a):
    return make_staff("13800000103", StaffRole.OPERATIONS, community_a[0], "运行甲")


@pytest.fixture
def evaluator_a(make_staff, community_a):
    return make_staff("13800000104", StaffRole.EVALUATION, community_a[0], "评价甲")


@pytest.fixture
def second_evaluator_a(make_staff, community_a):
    return make_staff("13800000105", StaffRole.EVALUATION, community_a[0], "评价丙")


@pytest.fixture
def evaluator_b(make_staff, community_b):
    return make_staff("13800000204", StaffRole.EVALUATION, community_b[0], "评价乙")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("13800009999", PASSWORD, display_name="管理员")


@pytest.fixture
def task(db):
    return ConstructionTask.objects.get(number=1)


@pytest.fixture
def make_evidence(community_a, operations_a, task):
    def make(
        state="draft",
        *,
        author=operations_a,
        community=None,
        title="三月议事会纪要",
        task_=None,
        start_date=datetime.date(2026, 3, 15),
        end_date=None,
    ):
        submitted_at = None if state in ("draft", "withdrawn") else timezone.now()
        return TaskEvidence.objects.create(
            community=community or community_a[0],
            author=author,
            task=task_ or task,
            title=title,
            start_date=start_date,
            end_date=end_date,
            state=state,
            submitted_at=submitted_at,
        )

    return make


@pytest.fixture
def make_response(db):
    def make(community, kind, *, positive, score=None, respondent=None, when=None, answers=None):
        when = when or timezone.now()
        max_score = 5 if kind == SurveyKind.SATISFACTION else 7
        return SurveyResponse.objects.create(
            community=community,
            kind=kind,
            respondent=respondent,
            year=timezone.localtime(when).year,
            submitted_at=when,
            answers=answers or {},
            score=score if score is not None else (5 if positive else 1),
            max_score=max_score,
            positive=positive,
        )

    return make
