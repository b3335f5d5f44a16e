"""Activity check-in in the admin, and the waitlist notification residents can tune."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from participation.activities.viewsets import ActivityCheckInViewSet
from workflows.registry import register_notification_kind

register_notification_kind("activity_signup", _("Activity sign-up: moved up from the waitlist"))


@hooks.register("register_admin_viewset")
def register_activity_check_in_viewset():
    return ActivityCheckInViewSet("activity_check_in")
