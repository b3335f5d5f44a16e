"""Wagtail admin views for 居民核实 (resident verification); participation/viewsets.py wires them up.

Not a ModelViewSet: Wagtail keeps one permission policy and URL finder per model, and those of User
belong to Wagtail's user admin. Access here follows our rules (participation/rules.py) instead."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.views import generic

from participation import selectors, services
from participation.models import User


class VerifiedFilter(django_filters.ChoiceFilter):
    def filter(self, queryset, value):
        if value == "yes":
            return queryset.filter(verified_at__isnull=False)
        if value == "no":
            return queryset.filter(verified_at__isnull=True)
        return queryset


class ResidentFilterSet(WagtailFilterSet):
    verified = VerifiedFilter(
        label=gettext_lazy("Verification"),
        choices=[("yes", gettext_lazy("Verified")), ("no", gettext_lazy("Not verified"))],
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = User
        fields = []


class VerificationColumn(BaseColumn):
    """The per-row 核实 / 取消核实 button: a POST form with its CSRF token, never a link."""

    cell_template_name = "participation/admin/verification_cell.html"

    def __init__(self, name, *, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        # Back to the listing as filtered, also when the table was rendered by the results-only view.
        query = request.GET.copy()
        query.pop("_w_filter_fragment", None)
        next_url = parent_context["table"].base_url + (f"?{query.urlencode()}" if query else "")
        context.update({"url_name": self.url_name, "csrf_token": get_token(request), "next_url": next_url})
        return context


def _communities(resident):
    return "、".join(community.name for community in resident.communities.all())


class ResidentIndexView(generic.IndexView):
    model = User
    # Our rules decide access (dispatch below), not the User model's permission policy.
    permission_policy = None
    any_permission_required = None
    page_title = gettext_lazy("Residents")
    header_icon = "group"
    paginate_by = 50
    filterset_class = ResidentFilterSet
    search_fields = ["mobile", "display_name"]
    search_backend_name = None  # plain icontains on the fields above
    verify_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("participation.view_residents"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return selectors.residents_for_staff(user=self.request.user)

    @property
    def columns(self):
        return [
            Column("display_name", label=_("Display name")),
            Column("mobile", label=_("Mobile number")),
            Column("communities", label=_("Community"), accessor=_communities),
            DateColumn("date_joined", label=_("Date joined")),
            DateColumn("verified_at", label=_("Verified at")),
            VerificationColumn("verification", label=_("Verification"), url_name=self.verify_url_name),
        ]


class ResidentVerificationView(View):
    """POST only: verify or unverify one resident. The service checks the rule; we report the outcome."""

    http_method_names = ["post"]
    index_url_name = None

    def post(self, request, pk, action):
        resident = get_object_or_404(User, pk=pk)
        name = resident.display_name or resident.mobile
        if action == "verify":
            services.verify_resident(resident=resident, staff=request.user)
            messages.success(request, _("Resident %(name)s has been verified.") % {"name": name})
        else:
            services.unverify_resident(resident=resident, staff=request.user)
            messages.success(
                request, _("Verification of resident %(name)s has been withdrawn.") % {"name": name}
            )
        return redirect(self._back_url())

    def _back_url(self):
        next_url = self.request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return next_url
        return reverse(self.index_url_name)
