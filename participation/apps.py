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

        # The messages residents receive are the workflow core's; their part of 下载我的数据 is the core's.
        from participation.account_registry import register_personal_data
        from participation.selectors import messages_data

        register_personal_data(key="messages", label=_("Messages"), collect=messages_data)


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, pointed at our user admin (Wagtail's way to swap the user forms)."""

    user_viewset = "participation.viewsets.UserViewSet"
