"""Read queries that pages and the admin need from participation."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from participation.account_registry import local_iso, personal_data_kinds
from participation.models import Community, Grid, Photo, User
from participation.roles import RESIDENT_GROUP
from workflows.models import Message


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


def grids_for(*, community_ids: set[int] | None) -> QuerySet[Grid]:
    """Grids to choose from in the admin: those of the given communities (None: all)."""
    grids = Grid.objects.select_related("community").order_by("community__name", "name")
    return grids if community_ids is None else grids.filter(community_id__in=community_ids)


def grids_for_user(*, user) -> QuerySet[Grid]:
    """The grids of the staff member's communities (all for a superuser): the choices of grid filters and fields."""
    return grids_for(community_ids=community_ids_for_user(user=user))


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


def personal_data(*, user: User) -> dict:
    """Everything "下载我的数据" hands the user about themselves: their own record and what every app registered
    (participation.account_registry), never anyone else's."""
    data = {
        "mobile": user.mobile,
        "display_name": user.display_name,
        "email": user.email,
        "communities": [community.name for community in memberships(user=user)],
        "date_joined": local_iso(user.date_joined),
        "verified_at": local_iso(user.verified_at),
    }
    for kind in personal_data_kinds():
        data[kind.key] = kind.collect(user=user)
    return data


def messages_data(*, user: User) -> list[dict]:
    """The in-site messages the user received (subject, text, link, when sent and read)."""
    return [
        {
            "subject": message.subject,
            "body": message.body,
            "url": message.url,
            "created_at": local_iso(message.created_at),
            "read_at": local_iso(message.read_at),
        }
        for message in Message.objects.filter(recipient=user).order_by("pk")
    ]


def photos_for(*, item) -> QuerySet[Photo]:
    return Photo.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)
