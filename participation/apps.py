from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class ParticipationConfig(AppConfig):
    default = True
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from participation import ratelimit, throttling  # noqa: F401  (ratelimit registers its deploy check)
        from participation.cells import protect_wagtail_exports

        user_login_failed.connect(throttling.on_login_failed, dispatch_uid="participation.login_throttle")
        user_logged_in.connect(throttling.on_logged_in, dispatch_uid="participation.login_throttle_reset")
        protect_wagtail_exports()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, pointed at our user admin (Wagtail's way to swap the user forms)."""

    user_viewset = "participation.viewsets.UserViewSet"
