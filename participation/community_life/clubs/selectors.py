"""Read queries of 人人社团 for the public pages, 我的 and the admin."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from participation.community_life.models import Club, ClubMembership
from participation.mobile import mask_name
from participation.models import Community, User
from workflows.models import ReviewState

# Names are short: a page lists more of them than a page of cards.
MEMBERS_PER_PAGE = 100
ACTIVE_MEMBERS = Count("memberships", filter=Q(memberships__left_at__isnull=True))


def public_clubs(*, community: Community) -> QuerySet[Club]:
    """The community's approved clubs with their member counts, by name."""
    return (
        Club.objects.filter(community=community, state=ReviewState.APPROVED)
        .select_related("leader")
        .annotate(member_count=ACTIVE_MEMBERS)
        .order_by("name", "pk")
    )


def club_detail(*, pk: int) -> Club | None:
    return (
        Club.objects.filter(pk=pk)
        .select_related("community", "leader")
        .annotate(member_count=ACTIVE_MEMBERS)
        .first()
    )


def masked_member_names(*, club: Club, page_number=None) -> Page:
    """One page of the members as the public sees them (张*明), in joining order: a club without a member limit
    may grow to thousands, and its page shows them MEMBERS_PER_PAGE at a time."""
    names = (
        ClubMembership.objects.filter(club=club, left_at__isnull=True)
        .order_by("joined_at", "pk")
        .values_list("resident__display_name", flat=True)
    )
    page = Paginator(names, MEMBERS_PER_PAGE).get_page(page_number)
    page.object_list = [mask_name(name) for name in page.object_list]
    return page


def is_member(*, club: Club, user: User) -> bool:
    if not user.is_authenticated:
        return False
    return ClubMembership.objects.filter(club=club, resident=user, left_at__isnull=True).exists()


def clubs_of_user(*, user: User) -> dict[str, list[Club]]:
    """我的社团: the clubs the user joined, leads, and proposed (with their review state)."""
    joined = list(
        Club.objects.filter(memberships__resident=user, memberships__left_at__isnull=True)
        .select_related("community")
        .order_by("name")
    )
    proposed = list(
        Club.objects.filter(Q(author=user) | Q(leader=user))
        .select_related("community")
        .order_by("-created_at")
    )
    return {"joined": joined, "proposed": proposed}


def clubs_led_by(*, user: User, community: Community) -> QuerySet[Club]:
    """Approved clubs of the community that the user leads (they may book spaces for them)."""
    return Club.objects.filter(leader=user, community=community, state=ReviewState.APPROVED).order_by("name")
