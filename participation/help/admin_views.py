"""Admin views of 人人解忧铺: transitions with what they need (handler, original, resolution photos, response
templates), staff entering a request for a resident, and the statistics page."""

from datetime import date, datetime, time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.help import services
from participation.help.forms import HelpEntryForm, HelpTransitionForm
from participation.help.statistics import help_statistics
from participation.selectors import communities_for_user, community_ids_for_user, grids_for_user
from workflows.exceptions import TransitionForbidden, WorkflowError
from workflows.refusals import show_refusal
from workflows.views_admin import TitledAdminViewMixin, TransitionView


class HelpTransitionView(TransitionView):
    form_class = HelpTransitionForm
    template_name = "help/admin/transition.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(transition=self.spec.name, help_request=self.object)
        return kwargs

    def _perform(self, data):
        name, actor, comment = self.spec.name, self.request.user, data.get("comment", "")
        if name == "assign":
            return services.assign(
                request=self.object,
                actor=actor,
                staff=data.get("staff"),
                volunteer=data.get("volunteer"),
                organisation=data.get("organisation"),
                comment=comment,
            )
        if name == "accept":
            return services.accept(
                request=self.object,
                actor=actor,
                comment=comment,
                route_to_grid_worker=data.get("route_to_grid_worker", False),
            )
        if name == "mark_duplicate":
            return services.mark_duplicate(
                request=self.object, actor=actor, original=data["original"], comment=comment
            )
        if name == "resolve":
            return services.resolve(
                request=self.object, actor=actor, note=comment, images=data.get("photos", [])
            )
        return services.take_transition(request=self.object, transition=name, actor=actor, comment=comment)

    def form_valid(self, form):
        try:
            self.object = self._perform(form.cleaned_data)
        except TransitionForbidden as error:
            return self.forbidden(error)
        except ValidationError as error:
            show_refusal(self.request, error, form=form)
            return self.form_invalid(form)
        except WorkflowError as error:
            show_refusal(self.request, error)
            return redirect(self.get_success_url())
        messages.success(
            self.request,
            _("“%(object)s”: %(action)s — done. It is now %(state)s.")
            % {"object": self.object, "action": self.spec.label, "state": self.object.get_state_display()},
        )
        return redirect(self.get_success_url())


class HelpEntryView(TitledAdminViewMixin, WagtailAdminTemplateMixin, FormView):
    """代录: a request for a resident who phoned or came in; they still get the messages (or a tracking link)."""

    viewset = None
    template_name = "help/admin/entry.html"
    form_class = HelpEntryForm
    page_title = gettext_lazy("Enter a help request for a resident")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        if not self.request.user.has_perm("help.enter_help_request", data["community"]):
            raise PermissionDenied
        try:
            help_request, token = services.submit_request(
                community=data["community"],
                category=data["category"],
                summary=data["summary"],
                description=data["description"],
                requester=data["resident"],
                name=data.get("name", ""),
                phone=data.get("phone", ""),
                is_public=data["is_public"],
                is_sensitive=data["is_sensitive"],
                entered_by=self.request.user,
                channel=data["channel"],
                grid=data.get("grid"),
            )
        except ValidationError as error:
            show_refusal(self.request, error, form=form)
            return self.form_invalid(form)
        except WorkflowError as error:
            show_refusal(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The help request “%(object)s” was entered.") % {"object": help_request}
        )
        if token:
            link = self.request.build_absolute_uri(reverse("help:track", args=[token]))
            messages.warning(
                self.request,
                _("Give the requester this private tracking link now; it is shown only once: %(link)s")
                % {"link": link},
            )
        return redirect(self.viewset.get_item_admin_url(help_request, self.request.user))


class StatisticsFilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    community = forms.ModelChoiceField(
        label=gettext_lazy("Community"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("All my communities"),
    )
    grid = forms.ModelChoiceField(
        label=gettext_lazy("Grid"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("All grids"),
        error_messages={"invalid_choice": gettext_lazy("Choose one of your communities' grids.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = communities_for_user(user=user).order_by("name")
        self.fields["grid"].queryset = grids_for_user(user=user)

    def clean(self):
        cleaned = super().clean()
        community, grid = cleaned.get("community"), cleaned.get("grid")
        if community and grid and grid.community_id != community.pk:
            self.add_error("grid", _("The grid belongs to another community."))
        return cleaned


def _default_start(today: date) -> date:
    month = today.month - 11
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


class HelpStatisticsView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "help/admin/statistics.html"
    page_title = gettext_lazy("Help request statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("help.view_help_statistics"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = StatisticsFilterForm(self.request.GET or None, user=user)
        today = timezone.localdate()
        start, end, community, grid = _default_start(today), today, None, None
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["start"] or start
            end = form.cleaned_data["end"] or end
            community, grid = form.cleaned_data["community"], form.cleaned_data["grid"]
        allowed = community_ids_for_user(user=user)
        ids = {community.pk} if community else allowed
        tz = timezone.get_current_timezone()
        context.update(
            form=form,
            start=start,
            end=end,
            grid=grid,
            stats=help_statistics(
                community_ids=ids,
                grid_id=grid.pk if grid else None,
                start=datetime.combine(start, time.min, tzinfo=tz),
                end=datetime.combine(end, time.max, tzinfo=tz),
            ),
        )
        return context
