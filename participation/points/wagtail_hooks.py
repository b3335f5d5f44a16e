"""积分 in the admin: the points catalogue (a snippet), claims, rewards, redemptions, awards and deductions."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from participation.points.viewsets import (
    AdjustPointsViewSet,
    BehaviourItemViewSet,
    PointsClaimViewSet,
    RedemptionViewSet,
    RewardViewSet,
)

register_snippet(BehaviourItemViewSet)


@hooks.register("register_admin_viewset")
def register_points_viewsets():
    return [
        PointsClaimViewSet("points_claims"),
        RewardViewSet("rewards"),
        RedemptionViewSet("redemptions"),
        AdjustPointsViewSet("points_adjust"),
    ]
