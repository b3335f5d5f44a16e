"""Wagtail admin of points: claims to review, the 积分超市 (rewards, redemptions), 直接奖励/扣分."""

from django.urls import path, re_path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet

from participation.admin_scoping import CommunityReviewableViewSetMixin, CommunityScopedViewSetMixin
from participation.points.admin_views import AdjustPointsView, RedemptionActionView, may_adjust_somewhere
from participation.points.models import BehaviourItem, PointsClaim, Redemption, RedemptionState, Reward
from participation.selectors import photos_for
from workflows.selectors import transition_logs_for
from workflows.viewsets import ReviewableViewSetMixin


class ClaimInspectView(InspectView):
    template_name = "points/admin/claim_inspect.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "photos": photos_for(item=self.object)}


class PointsClaimViewSet(CommunityReviewableViewSetMixin, ReviewableViewSetMixin, ModelViewSet):
    model = PointsClaim
    icon = "pick"
    menu_label = _("Points claims")
    menu_order = 221
    add_to_admin_menu = True
    inspect_view_class = ClaimInspectView
    # Residents write claims on the public site; staff review them (no editing of a resident's words).
    form_fields = ["description"]
    list_display = ["__str__", "author", "community", "state", "submitted_at"]
    inspect_view_fields = [
        "community",
        "author",
        "behaviour",
        "points",
        "description",
        "state",
        "submitted_at",
        "approved_at",
    ]


class RewardViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    model = Reward
    icon = "gift"
    menu_label = _("Points shop")
    menu_order = 222
    add_to_admin_menu = True
    # Panels, not form_fields: only an edit handler's form gets `for_user`, which the community scoping needs.
    panels = [
        FieldPanel(name)
        for name in ("community", "name", "kind", "description", "price", "stock", "image", "is_active")
    ]
    list_display = ["name", "community", "kind", "price", "stock", "is_active"]
    list_filter = ["community", "kind", "is_active"]
    search_fields = ["name"]


class RedemptionInspectView(InspectView):
    template_name = "workflows/admin/inspect.html"
    action_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workflows_base_template"] = "wagtailadmin/generic/inspect.html"
        context["transition_logs"] = transition_logs_for(obj=self.object)
        return context

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if self.object.state == RedemptionState.REQUESTED and user.has_perm(
            "points.handle_redemption", self.object
        ):
            for action, label in RedemptionActionView.actions.items():
                url = reverse(self.action_url_name, args=(self.object.pk, action))
                buttons.append(HeaderButton(label, url=url, icon_name="tasks"))
        return buttons


class RedemptionViewSet(CommunityScopedViewSetMixin, ModelViewSet):
    """Listed and inspected by staff; created only by residents, changed only through the action view."""

    model = Redemption
    icon = "tasks"
    menu_label = _("Redemptions")
    menu_order = 223
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = RedemptionInspectView
    form_fields = []
    list_display = ["reward", "resident", "community", "points", "state", "created_at"]
    list_filter = ["state", "community"]
    inspect_view_fields = ["reward", "community", "resident", "points", "state", "created_at", "updated_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(action_url_name=self.get_url_name("action"), **kwargs)

    def get_urlpatterns(self):
        action = RedemptionActionView.as_view(
            inspect_url_name=self.get_url_name("inspect"), index_url_name=self.get_url_name("index")
        )
        return super().get_urlpatterns() + [
            re_path(r"^(?P<pk>[0-9]+)/(?P<action>fulfil|cancel)/$", action, name="action"),
        ]


class _AdjustMenuItem(MenuItem):
    def is_shown(self, request):
        return may_adjust_somewhere.test(request.user)


class AdjustPointsViewSet(ViewSet):
    icon = "pick"
    menu_label = _("Award or deduct points")
    menu_order = 224
    add_to_admin_menu = True
    menu_item_class = _AdjustMenuItem

    def get_urlpatterns(self):
        view = AdjustPointsView.as_view(index_url_name=self.get_url_name("index"))
        return [path("", view, name="index")]


class BehaviourItemViewSet(CommunityScopedViewSetMixin, SnippetViewSet):
    model = BehaviourItem
    icon = "list-ol"
    menu_label = _("Points catalogue")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["number", "text", "category", "polarity", "points", "community", "is_active"]
    list_filter = ["polarity", "community", "is_active"]
    ordering = ["community", "polarity", "number"]
