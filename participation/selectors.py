"""Read queries that pages and the admin need from participation."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from participation.models import Community, Photo, User
from participation.points.models import BehaviourItem, BehaviourPolarity
from participation.roles import RESIDENT_GROUP


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


def signup_communities() -> QuerySet[Community]:
    """The communities a new resident may choose when signing up."""
    return Community.objects.order_by("name")


def mobile_is_registered(*, mobile: str) -> bool:
    return User.objects.filter(mobile=mobile).exists()


def memberships(*, user: User) -> QuerySet[Community]:
    """The communities the user belongs to (for a superuser too: not every community, as above)."""
    return user.communities.order_by("name")


def residents_for_staff(*, user: User) -> QuerySet[User]:
    """Residents (group 居民) of the staff member's communities; of all communities for a superuser."""
    residents = User.objects.filter(groups__name=RESIDENT_GROUP)
    allowed = community_ids_for_user(user=user)
    if allowed is not None:
        # The pk subquery keeps one row per resident even when they share several communities with us.
        residents = User.objects.filter(pk__in=residents.filter(communities__in=allowed).values("pk"))
    return residents.prefetch_related("communities").order_by("-date_joined", "-pk")


def _local_iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def personal_data(*, user: User) -> dict:
    """Everything "下载我的数据" hands the user about themselves: their own record, never anyone else's."""
    return {
        "mobile": user.mobile,
        "display_name": user.display_name,
        "email": user.email,
        "communities": [community.name for community in memberships(user=user)],
        "date_joined": _local_iso(user.date_joined),
        "verified_at": _local_iso(user.verified_at),
    }


def photos_for(*, item) -> QuerySet[Photo]:
    return Photo.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)
