"""The base of every community flow (topics, help requests, points claims …): a Reviewable of one community."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community
from workflows.models import Reviewable


def _community_ids(user) -> set[int]:
    # Cached on the user object: the admin asks once per row and per transition button.
    ids = getattr(user, "_participation_community_ids", None)
    if ids is None:
        ids = set(user.communities.values_list("pk", flat=True))
        user._participation_community_ids = ids
    return ids


class CommunityReviewable(Reviewable):
    """Staff review only their own communities' items (docs/architecture.md, “Permissions and scoping”); superusers review all."""

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="%(class)s_set",
        verbose_name=_("community"),
    )

    class Meta(Reviewable.Meta):
        abstract = True

    def user_can_review(self, user) -> bool:
        if not super().user_can_review(user):
            return False
        return user.is_superuser or self.community_id in _community_ids(user)

    @classmethod
    def filter_review_queue(cls, queryset, user):
        queryset = super().filter_review_queue(queryset, user)
        return queryset if user.is_superuser else queryset.filter(community_id__in=_community_ids(user))

    def reviewer_candidates(self):
        return super().reviewer_candidates().filter(communities=self.community_id)
