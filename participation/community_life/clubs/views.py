"""Public pages of 人人社团. Thin: rules decide who may, services write, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.community_life.clubs import selectors, services
from participation.community_life.clubs.forms import ClubForm
from participation.community_life.models import Club
from participation.mobile import mask_name
from participation.models import Community
from participation.ratelimit import rate_limited
from workflows.exceptions import WorkflowError
from workflows.refusals import show_refusal
from workflows.selectors import transition_logs_for

PER_PAGE = 20


def club_list(request, slug):
    community = get_object_or_404(Community, slug=slug)
    page_obj = Paginator(selectors.public_clubs(community=community), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "community_life/clubs/club_list.html", {"community": community, "page_obj": page_obj}
    )


def club_detail(request, pk):
    club = selectors.club_detail(pk=pk)
    if club is None or not request.user.has_perm("community_life.see_club", club):
        raise Http404  # a proposal under review exists only for its author and the community's staff
    context = {
        "club": club,
        "community": club.community,
        "leader_name": mask_name(club.leader.display_name),
        "member_names": selectors.masked_member_names(club=club, page_number=request.GET.get("page")),
        "is_member": selectors.is_member(club=club, user=request.user),
        "may_join": request.user.has_perm("community_life.join_club", club),
        "may_edit": request.user.has_perm("community_life.edit_club_proposal", club),
        "is_author": club.user_is_author(request.user),
        "transition_logs": transition_logs_for(obj=club) if club.user_is_author(request.user) else None,
    }
    return render(request, "community_life/clubs/club_detail.html", context)


@never_cache
@login_required
@rate_limited("club-propose", per_user=5, per_ip=50, window=3600)
def club_propose(request, slug):
    community = get_object_or_404(Community, slug=slug)
    if not request.user.has_perm("community_life.propose_club", community):
        raise PermissionDenied
    form = ClubForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        club = services.propose_club(author=request.user, community=community, **form.cleaned_data)
        messages.success(
            request,
            _("Your club “%(name)s” has been submitted. The operations group will review it.")
            % {"name": club.name},
        )
        return redirect(club.get_absolute_url())
    return render(
        request, "community_life/clubs/club_form.html", {"community": community, "form": form, "club": None}
    )


@never_cache
@login_required
@rate_limited("club-proposal", per_user=10, per_ip=100, window=3600)
def club_edit(request, pk):
    club = get_object_or_404(Club.objects.select_related("community"), pk=pk)
    if not request.user.has_perm("community_life.edit_club_proposal", club):
        raise PermissionDenied
    form = ClubForm(request.POST or None, instance=club)
    if request.method == "POST" and form.is_valid():
        try:
            club = services.update_club_proposal(club=club, actor=request.user, **form.cleaned_data)
        except WorkflowError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, _("Your club proposal has been submitted again."))
            return redirect(club.get_absolute_url())
    context = {"community": club.community, "form": form, "club": club}
    return render(request, "community_life/clubs/club_form.html", context)


@require_POST
@login_required
@rate_limited("club-proposal", per_user=10, per_ip=100, window=3600)
def club_withdraw(request, pk):
    club = get_object_or_404(Club, pk=pk)
    try:
        services.withdraw_club_proposal(club=club, actor=request.user)
    except WorkflowError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Your club proposal has been withdrawn."))
    return redirect("my_account")


@require_POST
@login_required
@rate_limited("club-membership", per_user=30, per_ip=300, window=3600)
def club_join(request, pk):
    club = get_object_or_404(Club, pk=pk)
    try:
        services.join_club(club=club, resident=request.user)
    except services.ClubActionRefused as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Welcome! You have joined “%(name)s”.") % {"name": club.name})
    return redirect(club.get_absolute_url())


@require_POST
@login_required
@rate_limited("club-membership", per_user=30, per_ip=300, window=3600)
def club_leave(request, pk):
    club = get_object_or_404(Club, pk=pk)
    try:
        services.leave_club(club=club, resident=request.user)
    except services.ClubActionRefused as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("You have left “%(name)s”.") % {"name": club.name})
    return redirect(club.get_absolute_url())
