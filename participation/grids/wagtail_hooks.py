"""Grids, households and the 民情日记 in the admin, and the diary's statistics."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participation.grids.viewsets import DIARY_STATISTICS_URL, GridsViewSetGroup


@hooks.register("register_admin_viewset")
def register_grids_viewsets():
    return GridsViewSetGroup()


@hooks.register("register_admin_urls")
def register_diary_statistics_url():
    route, view, name = DIARY_STATISTICS_URL
    return [path(route, view, name=name)]


class _DiaryStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("grids.view_diary_statistics")


@hooks.register("register_admin_menu_item")
def register_diary_statistics_menu_item():
    return _DiaryStatisticsMenuItem(
        _("Visit diary statistics"), reverse("participation_diary_statistics"), icon_name="table", order=235
    )
