"""Wagtail admin: attendance check-in (签到). A list of the staff member's activities, and per activity its
sign-ups to tick, plus a box for a resident's six-digit check-in code. Scoped to the user's communities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.activities import selectors, services
from participation.activities.models import ActivitySignup
from participation.selectors import community_ids_for_user
from workflows.refusals import show_refusal
from workflows.views_admin import TitledAdminViewMixin


def may_run_activities(user) -> bool:
    return user.has_perm("activities.check_in_activity")


class _CheckInBase(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tick"
    index_url_name = None
    activity_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not may_run_activities(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def activities(self):
        return selectors.activities_for_staff(community_ids=community_ids_for_user(user=self.request.user))


class CheckInIndexView(_CheckInBase):
    template_name = "activities/admin/index.html"
    page_title = gettext_lazy("Activity check-in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = self.activities()[:100]
        context["activity_url_name"] = self.activity_url_name
        return context


class CheckInActivityView(_CheckInBase):
    template_name = "activities/admin/activity.html"
    page_title = gettext_lazy("Activity check-in")

    def get_activity(self):
        activity = self.activities().filter(pk=self.kwargs["pk"]).first()
        if activity is None:
            raise Http404  # not an activity, or one of another community
        return activity

    def get_page_subtitle(self):
        return self.activity.title

    def get(self, request, *args, **kwargs):
        self.activity = self.get_activity()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            activity=self.activity,
            signups=selectors.signups_for_check_in(activity=self.activity),
            counts=selectors.counts(activity=self.activity),
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.activity = self.get_activity()
        code = request.POST.get("code", "").strip()
        try:
            if code:
                signup = services.check_in_by_code(activity=self.activity, code=code, staff=request.user)
                messages.success(request, _("%(name)s has been checked in.") % {"name": signup.resident})
            else:
                ids = [int(pk) for pk in request.POST.getlist("signup") if pk.isdigit()]
                signups = ActivitySignup.objects.filter(activity_id=self.activity.pk, pk__in=ids)
                checked = [services.check_in(signup=signup, staff=request.user) for signup in signups]
                if not checked:
                    messages.error(request, _("Tick at least one resident, or enter a check-in code."))
                else:
                    messages.success(request, _("%(count)d residents checked in.") % {"count": len(checked)})
        except services.SignupError as error:
            show_refusal(request, error)
        return redirect(request.path)
