"""Public evaluation pages: a community's indicators and tasks' progress (HTML and open-data JSON), and the
two surveys residents and visitors answer. Thin: selectors and services do the work."""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from evaluation import questionnaires, selectors, services
from evaluation.forms import AwarenessQuizForm, SatisfactionForm
from evaluation.models import SurveyKind, SurveyResponse
from participation.ratelimit import rate_limited
from participation.throttling import client_ip
from workflows.refusals import show_refusal

#: Visitors (not logged in) per IP address, survey and community per day; a shared NAT may hold a family.
VISITOR_RESPONSES_PER_IP_PER_DAY = 5


def _community(slug):
    community = selectors.community_by_slug(slug=slug)
    if community is None:
        raise Http404
    return community


@require_GET
def community_evaluation(request, slug):
    community = _community(slug)
    report = selectors.self_evaluation(community=community)
    context = {
        "community": community,
        "report": report,
        "surveys": selectors.survey_results(community=community, as_of=report.as_of),
        "page_title": _("Construction indicators of %(community)s") % {"community": community.name},
    }
    return render(request, "evaluation/community_evaluation.html", context)


@require_GET
def indicators_json(request, slug):
    community = _community(slug)
    response = JsonResponse(
        selectors.public_summary(community=community),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


def _session_key(community, kind) -> str:
    return f"evaluation-survey:{community.pk}:{kind}:{timezone.localdate().year}"


def _already_answered(request, community, kind) -> bool:
    if request.session.get(_session_key(community, kind)):
        return True
    if request.user.is_authenticated:
        return SurveyResponse.objects.filter(
            community=community, kind=kind, respondent=request.user, year=timezone.localdate().year
        ).exists()
    return False


def _visitor_over_limit(request, community, kind) -> bool:
    """Counts the visitor's response; True when this IP already gave its share today."""
    if request.user.is_authenticated:
        return False
    key = (
        f"evaluation-survey-ip:{client_ip(request)}:{community.pk}:{kind}:{timezone.localdate().isoformat()}"
    )
    cache.add(key, 0, timeout=24 * 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=24 * 3600)
        count = 1
    return count > VISITOR_RESPONSES_PER_IP_PER_DAY


def _survey(request, slug, *, kind, form_class, score, template):
    community = _community(slug)
    key = _session_key(community, kind)
    result = request.session.get(f"{key}:result")
    if _already_answered(request, community, kind):
        return render(request, template, {"community": community, "answered": True, "result": result})
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _visitor_over_limit(request, community, kind):
            messages.error(
                request, _("Too many answers came from your network today. Please try again tomorrow.")
            )
            return redirect(request.path)
        answers = form.answers()
        value, maximum, positive = score(answers)
        try:
            services.submit_survey_response(
                community=community,
                kind=kind,
                respondent=request.user,
                answers=answers,
                score=value,
                max_score=maximum,
                positive=positive,
            )
        except services.AlreadyAnswered as error:
            show_refusal(request, error)
        else:
            request.session[key] = True
            request.session[f"{key}:result"] = {"score": value, "max_score": maximum, "positive": positive}
            messages.success(request, _("Thank you! Your answers have been recorded."))
        return redirect(request.path)
    context = {"community": community, "form": form, "answered": False}
    return render(request, template, context)


@never_cache
@rate_limited("survey", per_user=10, per_ip=200, window=3600)
def survey_awareness(request, slug):
    return _survey(
        request,
        slug,
        kind=SurveyKind.AWARENESS,
        form_class=AwarenessQuizForm,
        score=questionnaires.score_awareness,
        template="evaluation/survey_awareness.html",
    )


@never_cache
@rate_limited("survey", per_user=10, per_ip=200, window=3600)
def survey_satisfaction(request, slug):
    return _survey(
        request,
        slug,
        kind=SurveyKind.SATISFACTION,
        form_class=SatisfactionForm,
        score=questionnaires.score_satisfaction,
        template="evaluation/survey_satisfaction.html",
    )
