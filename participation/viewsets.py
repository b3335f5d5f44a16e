"""Wagtail admin viewsets of participation; wagtail_hooks.py only registers them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from participation.admin_scoping import CommunityScopedViewSetMixin
from participation.forms import UserCreationForm, UserEditForm
from participation.models import BehaviourItem, Community


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


class BehaviourItemViewSet(CommunityScopedViewSetMixin, SnippetViewSet):
    model = BehaviourItem
    icon = "list-ol"
    menu_label = _("Points catalogue")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["number", "text", "category", "polarity", "points", "community", "is_active"]
    list_filter = ["polarity", "community", "is_active"]
    ordering = ["community", "polarity", "number"]
