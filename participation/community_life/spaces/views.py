"""Public pages of the shared spaces (共享客厅): list, week view, booking, cancelling. Thin."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.community_life.clubs.selectors import clubs_led_by
from participation.community_life.models import SpaceBooking
from participation.community_life.spaces import selectors, services
from participation.community_life.spaces.forms import BookingForm
from participation.models import Community
from participation.ratelimit import rate_limited
from workflows.refusals import show_refusal

PER_PAGE = 20


def space_list(request, slug):
    community = get_object_or_404(Community, slug=slug)
    page_obj = Paginator(selectors.active_spaces(community=community), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "community_life/spaces/space_list.html", {"community": community, "page_obj": page_obj}
    )


def _monday(request) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    return selectors.week_start(day)


def space_detail(request, pk):
    space = selectors.space_detail(pk=pk)
    if space is None:
        raise Http404
    monday = _monday(request)
    context = {
        "space": space,
        "community": space.community,
        "days": selectors.week_schedule(space=space, monday=monday),
        "previous_week": monday - datetime.timedelta(days=7),
        "next_week": monday + datetime.timedelta(days=7),
        "today": timezone.localdate(),
    }
    return render(request, "community_life/spaces/space_detail.html", context)


@never_cache
@login_required
@rate_limited("space-booking", per_user=10, per_ip=100, window=3600)
def space_book(request, pk):
    space = selectors.space_detail(pk=pk)
    if space is None:
        raise Http404
    if not request.user.has_perm("community_life.book_space", space):
        raise PermissionDenied
    form = BookingForm(request.POST or None, clubs=clubs_led_by(user=request.user, community=space.community))
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.request_booking(booker=request.user, space=space, **form.cleaned_data)
        except services.BookingRefused as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(
                request,
                _(
                    "Your booking of %(space)s on %(date)s %(start)s–%(end)s has been requested. "
                    "The community will confirm it."
                )
                % {
                    "space": space.name,
                    "date": f"{booking.date:%Y-%m-%d}",
                    "start": f"{booking.start_time:%H:%M}",
                    "end": f"{booking.end_time:%H:%M}",
                },
            )
            return redirect(space.get_absolute_url() + f"?week={booking.date:%Y-%m-%d}")
    return render(
        request,
        "community_life/spaces/booking_form.html",
        {"space": space, "community": space.community, "form": form},
    )


@require_POST
@login_required
@rate_limited("space-booking-cancel", per_user=20, per_ip=200, window=3600)
def booking_cancel(request, pk):
    booking = get_object_or_404(SpaceBooking.objects.select_related("space"), pk=pk, author=request.user)
    try:
        services.cancel_booking(booking=booking, actor=request.user)
    except services.BookingRefused as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Your booking has been cancelled."))
    return redirect("my_account")
