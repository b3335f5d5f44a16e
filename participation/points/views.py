"""Public points pages: 积分申领, 我的积分, 积分超市, 善行榜. Thin: services and selectors do the work."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.models import Community
from participation.points import selectors, services
from participation.points.forms import ClaimForm, RedeemForm
from participation.points.models import PointsClaim, Reward
from participation.ratelimit import rate_limited
from participation.selectors import photos_for
from workflows.exceptions import Refusal, WorkflowError
from workflows.models import ReviewState
from workflows.refusals import show_refusal
from workflows.selectors import transition_logs_for
from workflows.services import perform_transition

PER_PAGE = 20


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _may_claim(user) -> bool:
    return user.has_perm("points.claim_points")


@never_cache
@login_required
@rate_limited("points-claim", per_user=10, per_ip=30, window=3600)
def claim_create(request):
    resident = request.user
    may_claim = _may_claim(resident)
    form = ClaimForm(request.POST or None, request.FILES or None, resident=resident)
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.submit_claim(
                resident=resident,
                behaviour=form.cleaned_data["behaviour"],
                description=form.cleaned_data["description"],
                images=form.cleaned_data.get("photos") or [],
            )
        except ValidationError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(
                request, _("Your claim has been submitted. The operations group will review it.")
            )
            return redirect(claim.get_absolute_url())
    return render(request, "points/claim_form.html", {"form": form, "may_claim": may_claim})


def _own_claim(request, pk) -> PointsClaim:
    # Another resident's claim is simply not found: no hint that it exists.
    return get_object_or_404(PointsClaim.objects.select_related("behaviour"), pk=pk, author=request.user)


@never_cache
@login_required
@rate_limited("points-claim", per_user=10, per_ip=30, window=3600)
def claim_detail(request, pk):
    claim = _own_claim(request, pk)
    form = None
    if claim.state == ReviewState.RETURNED:
        form = ClaimForm(
            request.POST or None,
            resident=request.user,
            with_photos=False,
            initial={"behaviour": claim.behaviour_id, "description": claim.description},
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.resubmit_claim(
                    claim=claim,
                    resident=request.user,
                    behaviour=form.cleaned_data["behaviour"],
                    description=form.cleaned_data["description"],
                )
            except Refusal as error:
                show_refusal(request, error, form=form)
            else:
                messages.success(request, _("Your claim has been submitted again."))
                return redirect(claim.get_absolute_url())
    context = {
        "claim": claim,
        "form": form,
        "photos": photos_for(item=claim),
        "logs": transition_logs_for(obj=claim),
        "may_withdraw": claim.is_open,
    }
    return render(request, "points/claim_detail.html", context)


@require_POST
@login_required
@rate_limited("points-claim-withdraw", per_user=20, per_ip=200, window=3600)
def claim_withdraw(request, pk):
    claim = _own_claim(request, pk)
    try:
        perform_transition(obj=claim, transition="withdraw", actor=request.user)
    except WorkflowError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Your claim has been withdrawn."))
    return redirect(claim.get_absolute_url())


@never_cache
@login_required
def my_points(request):
    resident = request.user
    context = {
        "balance": selectors.balance(resident=resident),
        "level": selectors.reputation(resident=resident),
        "page_obj": _page(request, selectors.entries_for(resident=resident)),
        "community": selectors.home_community(resident=resident),
    }
    return render(request, "points/my_points.html", context)


@never_cache
@login_required
def my_claims(request):
    page = _page(request, selectors.claims_for(resident=request.user))
    return render(request, "points/my_claims.html", {"page_obj": page})


@never_cache
@login_required
def my_redemptions(request):
    page = _page(request, selectors.redemptions_for(resident=request.user))
    community = selectors.home_community(resident=request.user)
    return render(request, "points/my_redemptions.html", {"page_obj": page, "community": community})


def rewards(request, slug):
    community = get_object_or_404(Community, slug=slug)
    user = request.user
    context = {
        "community": community,
        "page_obj": _page(request, selectors.rewards_on_offer(community=community)),
    }
    if user.is_authenticated:
        context["balance"] = selectors.balance(resident=user)
        context["may_redeem"] = _may_claim(user) and user.communities.filter(pk=community.pk).exists()
        # A fresh key for each shown form: sending the same form twice is then one redemption (RedeemForm).
        page = context["page_obj"]
        page.object_list = list(page.object_list)
        for reward in page.object_list:
            reward.redeem_key = uuid.uuid4()
    return render(request, "points/rewards.html", context)


@require_POST
@login_required
@rate_limited("points-redeem", per_user=10, per_ip=100, window=3600)
def redeem(request, slug, pk):
    reward = get_object_or_404(Reward, pk=pk, community__slug=slug)
    back = redirect("points:rewards", slug=slug)
    form = RedeemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form has expired. Please try again."))
        return back
    try:
        redemption, created = services.redeem(
            resident=request.user, reward=reward, idempotency_key=form.cleaned_data["idempotency_key"]
        )
    except ValidationError as error:
        show_refusal(request, error)
        return back
    if created:
        messages.success(
            request,
            _(
                "You redeemed “%(reward)s” for %(points)s points. The community will contact you to hand it over."
            )
            % {"reward": reward.name, "points": redemption.points},
        )
    else:
        messages.info(request, _("This redemption was already made; it was not made twice."))
    return redirect("points:my_redemptions")


def board(request, slug):
    community = get_object_or_404(Community, slug=slug)
    start, _end = selectors.month_bounds()
    context = {
        "community": community,
        "month": start,
        "top": selectors.top_contributors(community=community),
        "page_obj": _page(request, selectors.good_deeds(community=community)),
    }
    return render(request, "points/board.html", context)
