"""Public account pages: sign-up, login, 我的 and its data download. Thin: services and selectors do the work."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from participation import selectors, services
from participation.account_registry import account_sections
from participation.forms import LoginForm, ProfileForm, SignupForm
from participation.ratelimit import rate_limited

# Several backends are configured (throttling, rules): login() must be told which one vouched.
_PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    form_class = LoginForm


@never_cache
@sensitive_post_parameters("password1", "password2")
@rate_limited("signup", per_user=5, per_ip=10, window=3600)
def signup(request):
    if request.user.is_authenticated:
        return redirect("my_account")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.register_resident(
                mobile=data["mobile"],
                password=data["password1"],
                display_name=data["display_name"],
                community=data["community"],
            )
        except services.MobileAlreadyRegistered as error:
            form.add_error("mobile", error)
        else:
            login(request, user, backend=_PASSWORD_BACKEND)
            messages.success(
                request, _("Welcome, %(name)s! Your account has been created.") % {"name": user.display_name}
            )
            return redirect("my_account")
    return render(request, "participation/signup.html", {"form": form})


@never_cache
@login_required
@rate_limited("profile", per_user=10, per_ip=100, window=3600)
def my_account(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=user, display_name=form.cleaned_data["display_name"], email=form.cleaned_data["email"]
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("my_account")
    if form.is_bound:
        # A failed POST must not leave the unsaved values on request.user (the header shows its name).
        user.refresh_from_db(fields=["display_name", "email"])
    context = {
        "form": form,
        "profile": user,
        "communities": selectors.memberships(user=user),
        "sections": account_sections(),
    }
    return render(request, "participation/my_account.html", context)


@require_GET
@login_required
def my_data(request):
    """下载我的数据: only ever the requesting user's own record (there is no parameter to ask for another)."""
    response = JsonResponse(
        selectors.personal_data(user=request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    patch_cache_control(response, private=True, no_store=True)
    return response
