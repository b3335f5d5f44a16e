"""The admin transition view: GET asks for confirmation (and the comment where required), POST acts."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.exceptions import AlreadyHandled, TransitionForbidden, TransitionNotAvailable, WorkflowError
from workflows.forms import TransitionForm
from workflows.refusals import show_refusal
from workflows.services import check_transition_allowed, perform_transition, user_may_ever_take


class TitledAdminViewMixin:
    """Put before WagtailAdminTemplateMixin. Wagtail's slim header shows only the breadcrumbs (its h1 is for
    screen readers), so a custom admin view without a breadcrumb of its own was headed “首页”: this ends the
    breadcrumbs with the page's title (and subtitle)."""

    def get_breadcrumbs_items(self):
        item = {"url": "", "label": self.get_page_title()}
        subtitle = self.get_page_subtitle()
        if subtitle:
            item["sublabel"] = subtitle
        return [*super().get_breadcrumbs_items(), item]


class TransitionView(WagtailAdminTemplateMixin, FormView):
    viewset = None
    index_url_name = None
    edit_url_name = None
    inspect_url_name = None
    header_icon = "tasks"
    template_name = "workflows/admin/transition.html"
    form_class = TransitionForm
    page_title = gettext_lazy("Confirm action")

    def dispatch(self, request, *args, **kwargs):
        model = self.viewset.model
        queryset = self.viewset.filter_queryset_for_user(model._default_manager.all(), request.user)
        self.object = get_object_or_404(queryset, pk=unquote(str(kwargs["pk"])))
        self.spec = model.transition_specs().get(kwargs["transition"])
        if self.spec is None:
            raise Http404
        seen_state = request.POST.get("seen_state") if request.method == "POST" else None
        try:
            if seen_state and seen_state != self.object.state:
                if not user_may_ever_take(obj=self.object, transition=self.spec.name, user=request.user):
                    raise TransitionForbidden()
                raise AlreadyHandled()
            check_transition_allowed(obj=self.object, transition=self.spec.name, actor=request.user)
        except TransitionForbidden as error:
            return self.forbidden(error)
        except (TransitionNotAvailable, AlreadyHandled) as error:
            show_refusal(request, error)
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def forbidden(self, error):
        # A real 403, not Wagtail's usual redirect to the dashboard: the refusal is the answer.
        return TemplateResponse(
            self.request,
            "workflows/admin/forbidden.html",
            {"error": str(error), "object": self.object, "cancel_url": self.get_success_url()},
            status=403,
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["comment_required"] = self.spec.comment_required
        return kwargs

    def get_initial(self):
        return {"seen_state": self.object.state}

    def form_valid(self, form):
        # The object is as this request loaded it; `seen_state` was checked in dispatch.
        try:
            self.object = perform_transition(
                obj=self.object,
                transition=self.spec.name,
                actor=self.request.user,
                comment=form.cleaned_data["comment"],
            )
        except TransitionForbidden as error:
            return self.forbidden(error)
        except WorkflowError as error:
            show_refusal(self.request, error)
            return redirect(self.get_success_url())
        messages.success(
            self.request,
            _("“%(object)s”: %(action)s — done. It is now %(state)s.")
            % {"object": self.object, "action": self.spec.label, "state": self.object.get_state_display()},
        )
        return redirect(self.get_success_url())

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return next_url
        for url_name in (self.inspect_url_name, self.edit_url_name):
            if url_name:
                return reverse(url_name, args=(self.kwargs["pk"],))
        return reverse(self.index_url_name)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(self.viewset.model._meta.verbose_name_plural),
                }
            )
        items.append({"url": "", "label": self.spec.label, "sublabel": str(self.object)})
        return self.breadcrumbs_items + items

    @cached_property
    def cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "spec": self.spec,
                "state_label": self.object.get_state_display(),
                "target_label": self.object.state_label(self.spec.target) if self.spec.target else "",
                "cancel_url": self.cancel_url,
            }
        )
        return context
