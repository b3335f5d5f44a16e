"""Surveys (7.2) on the public site: scoring, one response per resident a year, visitors limited, rates."""

import pytest
from django.urls import reverse

from evaluation import questionnaires, selectors, views
from evaluation.models import SurveyKind, SurveyResponse

pytestmark = pytest.mark.django_db


def quiz_answers(right: int) -> dict:
    answers = {}
    for index, question in enumerate(questionnaires.AWARENESS_QUESTIONS):
        wrong = next(key for key, _ in question["choices"] if key != question["answer"])
        answers[question["key"]] = question["answer"] if index < right else wrong
    return answers


def satisfaction_answers(overall: int) -> dict:
    return {"overall": overall, **{key: 3 for key, _ in questionnaires.SATISFACTION_QUESTIONS}}


def test_quiz_has_5_to_8_questions_on_the_convention_each_with_a_valid_answer():
    from home.standard_content import CONVENTION_PREAMBLE, CONVENTION_SECTIONS

    convention = CONVENTION_PREAMBLE + "".join("".join(s["lines"]) + s["title"] for s in CONVENTION_SECTIONS)
    assert 5 <= len(questionnaires.AWARENESS_QUESTIONS) <= 8
    for question in questionnaires.AWARENESS_QUESTIONS:
        right = dict(question["choices"])[question["answer"]]
        assert all(part in convention for part in right.replace("、", "，").split("，"))


def test_scoring():
    assert questionnaires.score_awareness(quiz_answers(7)) == (7, 7, True)
    assert questionnaires.score_awareness(quiz_answers(6)) == (6, 7, True)  # ≥ 80 %
    assert questionnaires.score_awareness(quiz_answers(5)) == (5, 7, False)
    assert questionnaires.score_satisfaction(satisfaction_answers(4)) == (4, 5, True)
    assert questionnaires.score_satisfaction(satisfaction_answers(3)) == (3, 5, False)


def test_resident_answers_the_quiz_once_a_year(client, resident_a, community_a):
    url = reverse("evaluation:survey_awareness", args=["wuxing"])
    client.force_login(resident_a)
    page = client.get(url).content.decode()
    assert "公约" in page and 'type="radio"' in page
    response = client.post(url, quiz_answers(6), follow=True)
    assert "感谢" in response.content.decode() and "您答对了 6 题（共 7 题）" in response.content.decode()
    saved = SurveyResponse.objects.get()
    assert (saved.respondent, saved.score, saved.positive, saved.kind) == (resident_a, 6, True, "awareness")
    client.post(url, quiz_answers(7))
    assert SurveyResponse.objects.count() == 1
    client.logout()
    client.force_login(resident_a)  # a new session: the database still knows
    assert "已经填写过" in client.get(url).content.decode()


def test_missing_answers_show_a_chinese_error_and_save_nothing(client, community_a):
    url = reverse("evaluation:survey_satisfaction", args=["wuxing"])
    response = client.post(url, {"overall": 5})
    content = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in content and "请选择" in content
    assert not SurveyResponse.objects.exists()


def test_visitor_once_per_session_and_a_few_per_ip(client, community_a, monkeypatch):
    monkeypatch.setattr(views, "VISITOR_RESPONSES_PER_IP_PER_DAY", 2)
    url = reverse("evaluation:survey_satisfaction", args=["wuxing"])
    client.post(url, satisfaction_answers(5))
    client.post(url, satisfaction_answers(5))  # same session: refused
    assert SurveyResponse.objects.count() == 1
    from django.test import Client

    second, third = Client(), Client()
    second.post(url, satisfaction_answers(4))
    response = third.post(url, satisfaction_answers(1), follow=True)  # same IP, over the limit
    assert SurveyResponse.objects.count() == 2
    assert "太多" in response.content.decode()
    assert SurveyResponse.objects.filter(respondent__isnull=True).count() == 2


def test_rates_with_the_number_of_responses(community_a, community_b, make_response):
    for positive in (True, True, True, False):
        make_response(community_a[0], SurveyKind.SATISFACTION, positive=positive)
    make_response(community_b[0], SurveyKind.SATISFACTION, positive=False)
    results = selectors.survey_results(community=community_a[0])
    assert results["satisfaction"] == {"label": "满意度问卷", "responses": 4, "positive": 3, "rate": 75.0}
    assert results["awareness"]["responses"] == 0 and results["awareness"]["rate"] is None


def test_old_responses_leave_the_12_month_window(community_a, make_response):
    import datetime

    from django.utils import timezone

    make_response(
        community_a[0],
        SurveyKind.AWARENESS,
        positive=True,
        when=timezone.now() - datetime.timedelta(days=400),
    )
    assert selectors.survey_results(community=community_a[0])["awareness"]["responses"] == 0


def test_survey_results_page_for_evaluators_only(
    client, evaluator_a, evaluator_b, community_a, make_response
):
    make_response(community_a[0], SurveyKind.AWARENESS, positive=True, answers=quiz_answers(7))
    url = reverse("self_evaluation:surveys", args=[community_a[0].pk])
    client.force_login(evaluator_b)
    assert client.get(url).status_code in (302, 403)
    client.force_login(evaluator_a)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["questions"][0]["right"] == 1
