"""Read queries that pages and the admin need from participation."""

from django.db.models import QuerySet

from participation.models import BehaviourItem, BehaviourPolarity, Community, User


def communities_for_user(*, user: User) -> QuerySet[Community]:
    """The communities a staff member may act in: all of them for a superuser."""
    if not user.is_authenticated:
        return Community.objects.none()
    if user.is_superuser:
        return Community.objects.all()
    return user.communities.all()


def community_ids_for_user(*, user: User) -> set[int] | None:
    """None means unrestricted (superuser); otherwise the ids of the user's communities."""
    if user.is_authenticated and user.is_superuser:
        return None
    return set(communities_for_user(user=user).values_list("pk", flat=True))


def behaviour_items(*, community: Community, polarity: str) -> QuerySet[BehaviourItem]:
    return BehaviourItem.objects.filter(community=community, polarity=polarity, is_active=True).order_by(
        "number"
    )


def positive_behaviours(*, community: Community) -> QuerySet[BehaviourItem]:
    return behaviour_items(community=community, polarity=BehaviourPolarity.POSITIVE)


def negative_behaviours(*, community: Community) -> QuerySet[BehaviourItem]:
    return behaviour_items(community=community, polarity=BehaviourPolarity.NEGATIVE)
