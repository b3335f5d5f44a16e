from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class ParticipationConfig(AppConfig):
    default = True
    name = "participation"
    verbose_name = _("Participation")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, pointed at our user admin (Wagtail's way to swap the user forms)."""

    user_viewset = "participation.viewsets.UserViewSet"
