"""Wagtail admin views of points: 直接奖励/扣分 (a form), and fulfilling or cancelling a redemption.

Access follows participation/points/rules.py, checked here and again by the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.points import services
from participation.points.forms import AdjustPointsForm, CommentForm
from participation.points.models import Redemption, RedemptionState
from participation.points.rules import in_community
from participation.rules import is_admin, is_coordination, is_operations
from participation.selectors import communities_for_user
from workflows.refusals import show_refusal
from workflows.views_admin import TitledAdminViewMixin

may_adjust_somewhere = is_admin | is_coordination | is_operations


class AdjustPointsView(TitledAdminViewMixin, WagtailAdminTemplateMixin, FormView):
    """直接奖励 / 扣分: always with a reason; a deduction never takes a balance below zero."""

    template_name = "points/admin/adjust.html"
    form_class = AdjustPointsForm
    page_title = gettext_lazy("Award or deduct points")
    header_icon = "pick"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not may_adjust_somewhere.test(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "communities": communities_for_user(user=self.request.user)}

    def _community_for(self, resident):
        # The resident's community among the staff member's own (residents belong to one).
        for community in resident.communities.order_by("name"):
            if self.request.user.is_superuser or in_community.test(self.request.user, community):
                return community
        return None

    def form_valid(self, form):
        data = form.cleaned_data
        resident = data["resident"]
        community = self._community_for(resident)
        if community is None:
            raise PermissionDenied
        key = data["idempotency_key"]
        try:
            if data["action"] == AdjustPointsForm.DEDUCT:
                entry = services.deduct_points(
                    staff=self.request.user,
                    resident=resident,
                    community=community,
                    behaviour=data["behaviour"],
                    reason=data["reason"],
                    idempotency_key=key,
                )
            else:
                entry = services.award_points(
                    staff=self.request.user,
                    resident=resident,
                    community=community,
                    behaviour=data["behaviour"],
                    points=data["points"],
                    reason=data["reason"],
                    idempotency_key=key,
                )
        except services.AlreadyRecorded as repeat:
            # The same form sent again (a double click, a retry): the first sending's outcome, nothing more.
            # A fresh form follows either way: this one's key is spent.
            if repeat.entry is None:
                show_refusal(self.request, repeat)
            else:
                messages.info(
                    self.request,
                    _(
                        "This form was already sent and was recorded once, not twice. %(name)s: %(delta)+d "
                        "points; the balance after it was %(balance)s."
                    )
                    % _confirmation(repeat.entry),
                )
            return redirect(reverse(self.index_url_name))
        except ValidationError as error:
            show_refusal(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s: %(delta)+d points recorded; the balance is now %(balance)s.") % _confirmation(entry),
        )
        return redirect(reverse(self.index_url_name))


def _confirmation(entry) -> dict:
    resident = entry.resident
    return {
        "name": resident.display_name or resident.mobile,
        "delta": entry.delta,
        "balance": entry.balance_after,
    }


class RedemptionActionView(TitledAdminViewMixin, WagtailAdminTemplateMixin, FormView):
    """GET: confirm (a reason is asked for a cancellation); POST: fulfil or cancel."""

    template_name = "points/admin/redemption_action.html"
    form_class = CommentForm
    header_icon = "tasks"
    inspect_url_name = None
    index_url_name = None
    actions = {"fulfil": gettext_lazy("Mark fulfilled"), "cancel": gettext_lazy("Cancel and refund")}

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(
            Redemption.objects.select_related("reward", "resident"), pk=kwargs["pk"]
        )
        self.action = kwargs["action"]
        if not request.user.has_perm("points.handle_redemption", self.object):
            raise PermissionDenied
        if self.object.state != RedemptionState.REQUESTED:
            messages.error(request, _("This redemption has already been handled."))
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.actions[self.action]

    def get_page_subtitle(self):
        return str(self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "comment_required": self.action == "cancel"}

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=(self.object.pk,))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "action_label": self.actions[self.action],
                "cancel_url": self.get_success_url(),
            }
        )
        return context

    def form_valid(self, form):
        comment = form.cleaned_data["comment"]
        try:
            if self.action == "cancel":
                services.cancel_redemption(redemption=self.object, actor=self.request.user, comment=comment)
                done = _("The redemption was cancelled; %(points)s points went back to the resident.")
            else:
                services.fulfil_redemption(redemption=self.object, actor=self.request.user, comment=comment)
                done = _("The redemption was marked fulfilled.")
        except ValidationError as error:
            show_refusal(self.request, error)
        else:
            messages.success(self.request, done % {"points": self.object.points})
        return redirect(self.get_success_url())
