from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from participation.activities.admin_views import CheckInActivityView, CheckInIndexView, may_run_activities


class _CheckInMenuItem(MenuItem):
    def is_shown(self, request):
        return may_run_activities(request.user)


class ActivityCheckInViewSet(ViewSet):
    icon = "tick"
    menu_label = _("Activity check-in")
    menu_order = 230
    add_to_admin_menu = True
    menu_item_class = _CheckInMenuItem

    def get_urlpatterns(self):
        kwargs = {
            "index_url_name": self.get_url_name("index"),
            "activity_url_name": self.get_url_name("activity"),
        }
        return [
            path("", CheckInIndexView.as_view(**kwargs), name="index"),
            path("<int:pk>/", CheckInActivityView.as_view(**kwargs), name="activity"),
        ]
