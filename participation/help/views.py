"""Public pages of 人人解忧铺. Thin: forms validate, services write, selectors read."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.help import selectors, services
from participation.help.forms import HelpRequestForm, RateForm, ReopenForm, ResolveForm
from participation.help.models.requests import HelpRequest, HelpState
from participation.help.rules import is_requester
from participation.models import Community
from participation.ratelimit import over_limit, rate_limited, too_many
from participation.selectors import photos_for
from workflows.exceptions import TransitionForbidden, WorkflowError
from workflows.refusals import show_refusal
from workflows.selectors import transition_logs_for


def _private(response):
    # Personal pages: never cached anywhere; the tracking token must not leak through the Referer header.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@rate_limited("help-request", per_user=10, per_ip=20, window=3600)
def new_request(request, community_slug):
    community = get_object_or_404(Community, slug=community_slug)
    user = request.user
    form = HelpRequestForm(request.POST or None, request.FILES or None, community=community, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            help_request, token = services.submit_request(
                community=community,
                category=data["category"],
                summary=data["summary"],
                description=data["description"],
                requester=user if user.is_authenticated else None,
                name=data.get("name", ""),
                phone=data.get("phone", ""),
                is_public=data["is_public"],
                is_sensitive=data["is_sensitive"],
                images=data["photos"],
            )
        except ValidationError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(
                request, _("Your request has been submitted. The community will answer it soon.")
            )
            if token:
                messages.warning(
                    request,
                    _(
                        "Bookmark this page: its address is your private link to follow "
                        "your request. Do not share it."
                    ),
                )
                return redirect("help:track", token=token)
            return redirect("help:detail", pk=help_request.pk)
    return render(request, "help/new.html", {"form": form, "community": community})


def public_list(request, community_slug):
    community = get_object_or_404(Community, slug=community_slug)
    page = Paginator(selectors.public_requests(community=community), 20).get_page(request.GET.get("page"))
    states = dict(HelpState.choices)
    for item in page.object_list:
        item["state_label"] = states.get(item["state"], item["state"])
    return render(request, "help/list.html", {"community": community, "page_obj": page})


def _detail_context(help_request, *, viewer_is_requester: bool, viewer_is_volunteer: bool = False, **forms):
    # Of the original, only its summary and state: its timeline may hold another requester's words.
    original = help_request.duplicate_of
    return {
        "help_request": help_request,
        "logs": transition_logs_for(obj=help_request),
        "photos": photos_for(item=help_request),
        "original": original,
        "is_requester": viewer_is_requester,
        "is_volunteer": viewer_is_volunteer,
        "may_rate": viewer_is_requester and help_request.state == HelpState.RESOLVED,
        "may_reopen": viewer_is_requester and help_request.state in (HelpState.RESOLVED, HelpState.CLOSED),
        "may_withdraw": viewer_is_requester and help_request.state == HelpState.SUBMITTED,
        "may_start": viewer_is_volunteer and help_request.state == HelpState.ASSIGNED,
        "may_resolve": viewer_is_volunteer and help_request.state == HelpState.IN_PROGRESS,
        "rate_form": forms.get("rate_form") or RateForm(),
        "reopen_form": forms.get("reopen_form") or ReopenForm(),
        "resolve_form": forms.get("resolve_form") or ResolveForm(),
    }


def _account_request(request, pk):
    help_request = selectors.request_for_user(user=request.user, pk=pk)
    if help_request is None:
        raise Http404
    return help_request


@never_cache
def detail(request, pk):
    """/help/<pk>/: the requester's own page (and the assigned volunteer's)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    help_request = _account_request(request, pk)
    context = _detail_context(
        help_request,
        viewer_is_requester=help_request.author_id == request.user.pk,
        viewer_is_volunteer=help_request.assigned_volunteer_id == request.user.pk,
    )
    return _private(render(request, "help/detail.html", context))


#: Wrong tracking links per address an hour: a visitor mistypes a few; guessing tokens takes millions.
TRACK_MISSES_PER_IP = 30


def _visitor_request(request, token):
    """(request, visitor) of a tracking link; 404 for a wrong one, 429 after too many wrong ones."""
    found = services.visitor_for_token(token=token)
    if found is None:
        if over_limit(
            request,
            scope="help-track-miss",
            per_user=TRACK_MISSES_PER_IP,
            per_ip=TRACK_MISSES_PER_IP,
            window=3600,
        ):
            return None, too_many(request, window=3600)
        raise Http404
    return found, None


@never_cache
def track(request, token):
    """/help/track/<token>/: a visitor follows their request with the private link."""
    found, refused = _visitor_request(request, token)
    if refused:
        return refused
    help_request, _visitor = found
    context = _detail_context(help_request, viewer_is_requester=True)
    context["token"] = token
    return _private(render(request, "help/detail.html", context))


def _act(request, help_request, actor, action, back_url, render_context):
    """Run one requester/volunteer action; on bad input re-render the page with the error, saving nothing."""
    forms = {}
    try:
        if action == "confirm":
            form = forms["rate_form"] = RateForm(request.POST)
            if form.is_valid():
                services.confirm_and_rate(
                    request=help_request,
                    actor=actor,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
                messages.success(request, _("Thank you! Your request is closed with your rating."))
                return redirect(back_url)
        elif action == "reopen":
            form = forms["reopen_form"] = ReopenForm(request.POST)
            if form.is_valid():
                services.reopen(request=help_request, actor=actor, reason=form.cleaned_data["reason"])
                messages.success(request, _("Your request is reopened; the handler has been told."))
                return redirect(back_url)
        elif action == "resolve":
            form = forms["resolve_form"] = ResolveForm(request.POST, request.FILES)
            if form.is_valid():
                services.resolve(
                    request=help_request,
                    actor=actor,
                    note=form.cleaned_data["note"],
                    images=form.cleaned_data["photos"],
                )
                messages.success(
                    request, _("The request is marked as resolved; the requester is asked to confirm.")
                )
                return redirect(back_url)
        elif action in ("withdraw", "start"):
            services.take_transition(request=help_request, transition=action, actor=actor)
            messages.success(
                request,
                _("Done. The request is now: %(state)s.")
                % {
                    "state": HelpRequest.state_label(
                        {"withdraw": HelpState.WITHDRAWN, "start": HelpState.IN_PROGRESS}[action]
                    )
                },
            )
            return redirect(back_url)
        else:
            raise Http404
    except TransitionForbidden as error:
        return render(
            request,
            "help/refused.html",
            {"error": str(error), "back_url": back_url},
            status=403,
        )
    except WorkflowError as error:
        show_refusal(request, error)
        return redirect(back_url)
    return _private(render(request, "help/detail.html", render_context(**forms), status=400))


@require_POST
@rate_limited("help-action", per_user=20, per_ip=200, window=3600)
def act(request, pk, action):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={reverse('help:detail', args=[pk])}")
    help_request = get_object_or_404(HelpRequest.objects.exclude(state=HelpState.DRAFT), pk=pk)
    is_own = is_requester(request.user, help_request)
    is_volunteer = help_request.assigned_volunteer_id == request.user.pk
    if not (is_own or is_volunteer):
        # Someone else's request: refused plainly, and nothing about it is shown.
        return render(
            request,
            "help/refused.html",
            {
                "error": _("Only the person who made this request can do this."),
                "back_url": reverse("my_account"),
            },
            status=403,
        )
    back_url = reverse("help:detail", args=[pk])
    return _act(
        request,
        help_request,
        request.user,
        action,
        back_url,
        lambda **forms: _detail_context(
            help_request, viewer_is_requester=is_own, viewer_is_volunteer=is_volunteer, **forms
        ),
    )


@require_POST
@rate_limited("help-track-action", per_user=20, per_ip=60, window=3600)
def track_act(request, token, action):
    if action not in ("confirm", "reopen", "withdraw"):
        raise Http404
    found, refused = _visitor_request(request, token)
    if refused:
        return refused
    help_request, visitor = found
    back_url = reverse("help:track", args=[token])

    def context(**forms):
        return {**_detail_context(help_request, viewer_is_requester=True, **forms), "token": token}

    return _act(request, help_request, visitor, action, back_url, context)
