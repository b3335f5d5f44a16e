"""Every write a user can cause in participation, each in a transaction."""

import rules
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation import selectors
from participation.mobile import normalize_mobile
from participation.models import Community, CommunityGroup, Photo, User
from participation.roles import PAGE_ROLES, RESIDENT_GROUP, ROLE_GROUP_NAMES, StaffRole, community_group_name
from workflows.exceptions import Forbidden, Invalid


class MobileAlreadyRegistered(Invalid):
    """A ValidationError, so a form can show it on its mobile field."""

    def __init__(self):
        super().__init__(
            _("This mobile number is already registered. Log in instead, or use another number."),
            code="duplicate_mobile",
        )


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
def create_resident(*, mobile: str, password: str | None, display_name: str, community: Community) -> User:
    user = User.objects.create_user(mobile, password, display_name=display_name)
    user.communities.add(community)
    user.groups.add(Group.objects.get(name=RESIDENT_GROUP))
    return user


def register_resident(*, mobile: str, password: str, display_name: str, community: Community) -> User:
    """Public sign-up: a resident of one community. Raises MobileAlreadyRegistered, saving nothing."""
    mobile = normalize_mobile(mobile)
    if selectors.mobile_is_registered(mobile=mobile):
        raise MobileAlreadyRegistered()
    try:
        # Two sign-ups with the same number at once: the unique index decides, the loser gets the message.
        return create_resident(
            mobile=mobile, password=password, display_name=display_name, community=community
        )
    except IntegrityError:
        if selectors.mobile_is_registered(mobile=mobile):
            raise MobileAlreadyRegistered() from None
        raise


@transaction.atomic
def update_profile(*, user: User, display_name: str, email: str) -> User:
    """What 我的 lets a user change about themselves; the mobile number (their login) is not offered."""
    user.display_name = display_name
    user.email = email
    user.save(update_fields=["display_name", "email"])
    return user


def _check_may_verify(*, resident: User, staff: User) -> None:
    # rules.has_perm evaluates our declared rule itself: ModelBackend would wave any superuser through,
    # even for a staff account that is no resident.
    if not rules.has_perm("participation.verify_resident", staff, resident):
        raise Forbidden


@transaction.atomic
def verify_resident(*, resident: User, staff: User) -> User:
    """居民核实: a coordinator of the resident's community vouches that the account is a real resident."""
    _check_may_verify(resident=resident, staff=staff)
    locked = User.objects.select_for_update().get(pk=resident.pk)
    if locked.verified_at is None:  # verifying twice keeps who did it first, and when
        locked.verified_at = timezone.now()
        locked.verified_by = staff
        locked.save(update_fields=["verified_at", "verified_by"])
    resident.verified_at, resident.verified_by = locked.verified_at, locked.verified_by
    return resident


@transaction.atomic
def unverify_resident(*, resident: User, staff: User) -> User:
    _check_may_verify(resident=resident, staff=staff)
    User.objects.filter(pk=resident.pk).update(verified_at=None, verified_by=None)
    resident.verified_at = resident.verified_by = None
    return resident


def attach_photos(*, item, images, uploaded_by: User | None) -> list[Photo]:
    """Store already cleaned images (uploads.ResidentImagesField) against any item; call inside the
    transaction that saves the item, so that a failure keeps neither."""
    content_type = ContentType.objects.get_for_model(item)
    return [
        Photo.objects.create(
            content_type=content_type, object_id=item.pk, image=image, uploaded_by=uploaded_by
        )
        for image in images
    ]
