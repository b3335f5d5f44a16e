"""Every write a user can cause in participation, each in a transaction."""

from django.contrib.auth.models import Group
from django.db import transaction

from participation.models import BehaviourItem, Community, CommunityGroup, User
from participation.roles import PAGE_ROLES, RESIDENT_GROUP, ROLE_GROUP_NAMES, StaffRole, community_group_name


@transaction.atomic
def create_community(
    *,
    name: str,
    slug: str,
    kind: str,
    street: str,
    resident_population: int = 0,
    households: int = 0,
    address: str = "",
    phone: str = "",
) -> Community:
    """A community and its community-scoped staff groups (the groups Wagtail's page permissions need)."""
    community = Community.objects.create(
        name=name,
        slug=slug,
        kind=kind,
        street=street,
        resident_population=resident_population,
        households=households,
        address=address,
        phone=phone,
    )
    for role in PAGE_ROLES:
        group, _ = Group.objects.get_or_create(name=community_group_name(name, role))
        CommunityGroup.objects.create(community=community, role=role, group=group)
    return community


def community_group(*, community: Community, role: str) -> Group | None:
    link = CommunityGroup.objects.filter(community=community, role=role).select_related("group").first()
    return link.group if link else None


@transaction.atomic
def add_staff_member(*, user: User, community: Community, role: StaffRole) -> None:
    """Make user a member of a work group in one community: role group, community group, membership."""
    role = StaffRole(role)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.communities.add(community)
    user.groups.add(Group.objects.get(name=ROLE_GROUP_NAMES[role]))
    scoped = community_group(community=community, role=role)
    if scoped is not None:
        user.groups.add(scoped)


@transaction.atomic
def create_resident(
    *, mobile: str, password: str | None, display_name: str, community: Community
) -> User:
    user = User.objects.create_user(mobile, password, display_name=display_name)
    user.communities.add(community)
    user.groups.add(Group.objects.get(name=RESIDENT_GROUP))
    return user


@transaction.atomic
def upsert_behaviour_item(
    *, community: Community, polarity: str, number: int, category: str, text: str, points: int
) -> BehaviourItem:
    """Keyed by (community, list, number): running it again updates rather than duplicates."""
    item, _ = BehaviourItem.objects.update_or_create(
        community=community,
        polarity=polarity,
        number=number,
        defaults={"category": category, "text": text, "points": points},
    )
    return item
