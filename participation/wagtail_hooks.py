from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from participation.grids.viewsets import DIARY_STATISTICS_URL, GridsViewSetGroup
from participation.points.viewsets import (
    AdjustPointsViewSet,
    PointsClaimViewSet,
    RedemptionViewSet,
    RewardViewSet,
)
from participation.viewsets import BehaviourItemViewSet, CommunityViewSet, ResidentViewSet
from workflows.registry import register_notification_kind

register_snippet(BehaviourItemViewSet)
register_notification_kind("activity_signup", _("Activity sign-up: moved up from the waitlist"))


@hooks.register("register_admin_viewset")
def register_community_viewset():
    return CommunityViewSet("communities")


@hooks.register("register_admin_viewset")
def register_resident_viewset():
    return ResidentViewSet("residents")


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


@hooks.register("register_admin_viewset")
def register_points_viewsets():
    return [
        PointsClaimViewSet("points_claims"),
        RewardViewSet("rewards"),
        RedemptionViewSet("redemptions"),
        AdjustPointsViewSet("points_adjust"),
    ]


@hooks.register("register_admin_viewset")
def register_community_life_viewsets():
    from participation.community_life.clubs.viewsets import CommunityLifeViewSetGroup

    return CommunityLifeViewSetGroup()


@hooks.register("register_admin_viewset")
def register_topics_viewsets():
    from participation.topics.viewsets import TopicsViewSetGroup

    return TopicsViewSetGroup()


@hooks.register("register_log_actions")
def register_topics_log_actions(actions):
    from participation.topics.viewsets import register_log_actions

    register_log_actions(actions)


@hooks.register("register_admin_viewset")
def register_activity_check_in_viewset():
    from participation.activities.viewsets import ActivityCheckInViewSet

    return ActivityCheckInViewSet("activity_check_in")


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    from participation.registries.viewsets import RegistryViewSetGroup

    return RegistryViewSetGroup()


@hooks.register("register_admin_viewset")
def register_volunteer_viewsets():
    from participation.volunteers.viewsets import VolunteerViewSetGroup

    return VolunteerViewSetGroup()


@hooks.register("register_admin_viewset")
def register_data_viewset():
    from participation.dataio.viewsets import DataViewSet

    return DataViewSet("data")


import participation.help.wagtail_hooks  # noqa: E402,F401  (人人解忧铺 registers its admin itself)
