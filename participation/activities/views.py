"""Public activity views: sign up, cancel, my sign-up (check-in code), calendar feeds, staff check-in link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from participation import ical
from participation.activities import selectors, services
from participation.activities.models import ActivitySignup, SignupStatus
from participation.activities.qr import check_in_qr_svg
from participation.models import Community
from participation.ratelimit import rate_limited
from workflows.refusals import show_refusal

CHECK_IN_SALT = "participation.activities.check-in"


def _live_activity(page_id: int):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not isinstance(page, selectors.activity_page_model()):
        raise Http404
    return page


@require_POST
@login_required
@rate_limited("activity-signup", per_user=20, per_ip=200, window=3600)
def sign_up(request, page_id):
    page = _live_activity(page_id)
    try:
        signup = services.sign_up(activity=page, resident=request.user)
    except services.SignupError as error:
        show_refusal(request, error)
        return redirect(page.url)
    if signup.status == SignupStatus.WAITLISTED:
        messages.success(
            request, _("The activity is full: you are on the waitlist. We will tell you if a seat frees up.")
        )
    else:
        messages.success(
            request, _("You have signed up. Your check-in code is %(code)s.") % {"code": signup.check_in_code}
        )
    return redirect("activities:signup_detail", pk=signup.pk)


def _own_signup(request, pk) -> ActivitySignup:
    signup = get_object_or_404(ActivitySignup.objects.select_related("activity"), pk=pk)
    if signup.resident_id != request.user.pk:
        raise Http404  # another resident's sign-up does not exist, as far as this user is concerned
    return signup


@never_cache
@login_required
def signup_detail(request, pk):
    signup = _own_signup(request, pk)
    page = signup.activity.specific
    token = signing.dumps(signup.pk, salt=CHECK_IN_SALT)
    check_in_url = request.build_absolute_uri(reverse("activities:check_in_link", args=[token]))
    context = {
        "signup": signup,
        "activity": page,
        "position": selectors.waitlist_position(signup=signup),
        "may_cancel": signup.is_active and selectors.signup_open(page),
        "check_in_url": check_in_url,
        "check_in_qr": check_in_qr_svg(url=check_in_url, title=_("Check-in QR code")),
    }
    return render(request, "activities/signup_detail.html", context)


@require_POST
@login_required
@rate_limited("activity-cancel", per_user=20, per_ip=200, window=3600)
def cancel(request, pk):
    signup = _own_signup(request, pk)
    try:
        services.cancel_signup(signup=signup, actor=request.user)
    except services.SignupError as error:
        show_refusal(request, error)
        return redirect("activities:signup_detail", pk=signup.pk)
    messages.success(request, _("Your sign-up has been cancelled."))
    return redirect(signup.activity.url or "my_account")


@never_cache
@login_required
def check_in_link(request, token):
    """The link behind a resident's check-in code: staff open it on their phone and confirm."""
    try:
        signup_id = signing.loads(token, salt=CHECK_IN_SALT)
    except signing.BadSignature:
        raise Http404 from None
    signup = get_object_or_404(ActivitySignup.objects.select_related("activity", "resident"), pk=signup_id)
    if not services.may_check_in(request.user, signup):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.check_in(signup=signup, staff=request.user)
        except services.SignupError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("%(name)s has been checked in.") % {"name": signup.resident})
        return redirect(request.path)
    return render(request, "activities/check_in_link.html", {"signup": signup})


def _event(page, request) -> ical.Event:
    return ical.Event(
        uid=f"activity-{page.pk}@{request.get_host().split(':')[0]}",
        start=page.starts_at,
        end=page.ends_at,
        summary=page.title,
        location=getattr(page, "place", ""),
        description=getattr(page, "summary", ""),
        url=request.build_absolute_uri(page.url) if page.url else "",
        stamp=page.last_published_at or page.latest_revision_created_at,
    )


def _ics_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def community_calendar(request, community_slug):
    community = get_object_or_404(Community, slug=community_slug)
    events = [_event(page, request) for page in selectors.community_activities(community=community)]
    return _ics_response(ical.calendar(events, name=community.name), f"{community.slug}-activities.ics")


@require_GET
def activity_event(request, page_id):
    page = _live_activity(page_id)
    return _ics_response(ical.calendar([_event(page, request)], name=page.title), f"activity-{page.pk}.ics")
