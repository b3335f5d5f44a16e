"""Wagtail admin viewsets of participation; wagtail_hooks.py only registers them."""

from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from participation.admin_views import ResidentIndexView, ResidentVerificationView
from participation.forms import UserCreationForm, UserEditForm
from participation.models import Community


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin for our user model: mobile login, display name, communities."""

    create_template_name = "participation/users/create.html"
    edit_template_name = "participation/users/edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class CommunityViewSet(ModelViewSet):
    model = Community
    icon = "home"
    menu_label = _("Communities")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "street", "resident_population", "households"]
    list_filter = ["kind"]
    search_fields = ["name", "street"]
    form_fields = ["name", "slug", "kind", "street", "resident_population", "households", "address", "phone"]


class _ResidentsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("participation.view_residents")


class ResidentViewSet(ViewSet):
    """居民核实: the residents of the staff member's communities, each with a 核实 / 取消核实 button."""

    icon = "group"
    menu_label = _("Residents")
    menu_order = 205
    add_to_admin_menu = True
    menu_item_class = _ResidentsMenuItem

    def _index_kwargs(self):
        return {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "verify_url_name": self.get_url_name("verification"),
        }

    def get_urlpatterns(self):
        index = ResidentIndexView.as_view(**self._index_kwargs())
        results = ResidentIndexView.as_view(results_only=True, **self._index_kwargs())
        verification = ResidentVerificationView.as_view(index_url_name=self.get_url_name("index"))
        return [
            path("", index, name="index"),
            path("results/", results, name="index_results"),
            re_path(r"^(?P<pk>[0-9]+)/(?P<action>verify|unverify)/$", verification, name="verification"),
        ]
