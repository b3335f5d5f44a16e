"""Public volunteer pages: register, and 我的志愿服务 (log hours, see them reviewed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from participation.ratelimit import rate_limited
from participation.volunteers import selectors, services
from participation.volunteers.forms import HoursForm, VolunteerRegistrationForm
from workflows.refusals import show_refusal


@never_cache
@login_required
@rate_limited("volunteer-register", per_user=5, per_ip=50, window=3600)
def register(request):
    volunteer = selectors.volunteer_for(resident=request.user)
    if volunteer is not None and volunteer.is_active:
        return redirect("volunteering:my_hours")
    form = VolunteerRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_volunteer(
                resident=request.user,
                skills=form.cleaned_data["skills"],
                availability=form.cleaned_data["availability"],
                agreed_to_code=form.cleaned_data["agree"],
            )
        except ValidationError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, _("Thank you! You are now registered as a volunteer."))
            return redirect("volunteering:my_hours")
    return render(request, "volunteers/register.html", {"form": form})


@never_cache
@login_required
@rate_limited("volunteer-hours", per_user=20, per_ip=200, window=3600)
def my_hours(request):
    volunteer = selectors.volunteer_for(resident=request.user)
    if volunteer is None or not volunteer.is_active:
        return redirect("volunteering:register")
    form = HoursForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.log_hours(resident=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(
                request, _("Your hours have been submitted; they count once staff approve them.")
            )
            return redirect("volunteering:my_hours")
    page = Paginator(selectors.hours_of(resident=request.user), 20).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "volunteer": volunteer,
        "page_obj": page,
        "approved_total": selectors.approved_hours(resident=request.user),
    }
    return render(request, "volunteers/my_hours.html", context)
