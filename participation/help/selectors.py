"""Read queries of 人人解忧铺 for the public pages, 我的, the admin and the dashboard panel."""

import hashlib
import hmac

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from participation.help import clock
from participation.help.models.categories import HelpCategory, ResponseTemplate
from participation.help.models.requests import (
    AWAITING_RESOLUTION,
    AWAITING_RESPONSE,
    HelpRequest,
    HelpState,
)
from participation.models import Community, Grid, User
from participation.registries.models import SocialOrganisation
from participation.rules import is_coordination, is_operations
from participation.selectors import community_ids_for_user

# What the public list may show: never the requester, description or photos (selected fields only).
PUBLIC_FIELDS = ("pk", "summary", "state", "submitted_at", "resolved_at", "closed_at", "category__name")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def overdue_q(*, now=None) -> Q:
    now = now or clock.now()
    return Q(state__in=AWAITING_RESPONSE, response_due_at__lt=now) | Q(
        state__in=AWAITING_RESOLUTION, resolution_due_at__lt=now
    )


def with_overdue(queryset: QuerySet, *, now=None) -> QuerySet:
    return queryset.annotate(
        overdue=Case(
            When(overdue_q(now=now), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )


def active_categories(*, community: Community) -> QuerySet[HelpCategory]:
    return HelpCategory.objects.filter(community=community, is_active=True).order_by("sort_order", "name")


def response_templates_for(*, community_id: int) -> QuerySet[ResponseTemplate]:
    return ResponseTemplate.objects.filter(community_id=community_id, is_active=True).order_by("title")


def public_requests(*, community: Community) -> QuerySet:
    """Requests the requester allowed to be public and that are not sensitive, as dicts of public fields."""
    return (
        HelpRequest.objects.filter(community=community, is_public=True, is_sensitive=False)
        .exclude(state__in=[HelpState.DRAFT, HelpState.WITHDRAWN])
        .order_by("-submitted_at", "-pk")
        .values(*PUBLIC_FIELDS)
    )


def requests_of(*, user: User) -> QuerySet[HelpRequest]:
    """我的解忧铺: the user's own requests, newest first."""
    if not user.is_authenticated:
        return HelpRequest.objects.none()
    return (
        HelpRequest.objects.filter(author=user)
        .exclude(state=HelpState.DRAFT)
        .select_related("category", "community")
        .order_by("-submitted_at", "-pk")
    )


def requests_assigned_to_volunteer(*, user: User) -> QuerySet[HelpRequest]:
    if not user.is_authenticated:
        return HelpRequest.objects.none()
    return (
        HelpRequest.objects.filter(assigned_volunteer=user)
        .select_related("category", "community")
        .order_by("-assigned_at", "-pk")
    )


def request_for_user(*, user: User, pk: int) -> HelpRequest | None:
    """The request at /help/<pk>/: only its author or its assigned volunteer sees it there."""
    if not user.is_authenticated:
        return None
    return (
        HelpRequest.objects.filter(Q(author=user) | Q(assigned_volunteer=user), pk=pk)
        .exclude(state=HelpState.DRAFT)
        .select_related("category", "community", "duplicate_of")
        .first()
    )


def request_for_token(*, token: str) -> HelpRequest | None:
    """The request whose tracking token this is. The lookup is by hash; the final comparison is constant-time."""
    if not token or len(token) > 100:
        return None
    digest = hash_token(token)
    found = (
        HelpRequest.objects.filter(tracking_token_hash=digest)
        .select_related("category", "community", "duplicate_of")
        .first()
    )
    if found is None or not hmac.compare_digest(found.tracking_token_hash, digest):
        return None
    return found


def visible_to_staff(queryset: QuerySet[HelpRequest], *, user: User) -> QuerySet[HelpRequest]:
    """What a staff member sees in the admin (rules.may_view_requests as a query): coordination and operations
    all requests of their communities; anyone else (a 网格员) only those of the grids they work and those
    assigned to them, in their communities. A superuser sees all."""
    allowed = community_ids_for_user(user=user)
    if allowed is None:
        return queryset
    queryset = queryset.filter(community_id__in=allowed)
    if is_coordination(user) or is_operations(user):
        return queryset
    return queryset.filter(Q(grid__worker=user) | Q(assigned_staff=user))


def staff_requests(*, user: User) -> QuerySet[HelpRequest]:
    """Requests the staff member sees (all for a superuser), drafts left out."""
    return visible_to_staff(HelpRequest.objects.exclude(state=HelpState.DRAFT), user=user)


def default_handler_for(*, request: HelpRequest) -> User | None:
    """The worker of the request's grid, if they may handle it: an active staff member of the request's
    community who is not the requester. None when there is no grid, no worker, or they may not."""
    if not request.grid_id:
        return None
    worker_id = Grid.objects.filter(pk=request.grid_id).values_list("worker_id", flat=True).first()
    if worker_id is None or worker_id == request.author_id:
        return None
    return staff_handlers_for(community_id=request.community_id).filter(pk=worker_id).first()


def my_work(*, user: User, now=None, limit: int = 10) -> dict:
    """待我处理: requests assigned to the user and, for coordinators, those waiting for triage; overdue first."""
    now = now or clock.now()
    mine = Q(assigned_staff=user, state__in=[HelpState.ASSIGNED, HelpState.IN_PROGRESS])
    if user.is_superuser or is_coordination(user):
        mine |= Q(state__in=[HelpState.SUBMITTED, HelpState.ACCEPTED])
    if is_operations(user):
        mine |= Q(state__in=[HelpState.ASSIGNED, HelpState.IN_PROGRESS], assigned_staff__isnull=True)
    queryset = with_overdue(staff_requests(user=user).filter(mine), now=now)
    items = list(queryset.select_related("category").order_by("-overdue", "submitted_at", "pk")[:limit])
    return {"items": items, "count": queryset.count(), "overdue_count": queryset.filter(overdue=True).count()}


def followers_of(*, original: HelpRequest) -> QuerySet[User]:
    """Requesters (with an account) of requests marked as duplicates of `original`: they follow it."""
    return User.objects.filter(
        is_active=True,
        pk__in=HelpRequest.objects.filter(duplicate_of=original, state=HelpState.DUPLICATE).values(
            "author_id"
        ),
    ).order_by("pk")


def duplicate_candidates(*, request: HelpRequest) -> QuerySet[HelpRequest]:
    """Requests a triager may name as the original: same community, not itself, not a duplicate or draft."""
    return (
        HelpRequest.objects.filter(community_id=request.community_id)
        .exclude(pk=request.pk)
        .exclude(state__in=[HelpState.DRAFT, HelpState.DUPLICATE, HelpState.WITHDRAWN])
        .order_by("-submitted_at", "-pk")
    )


def staff_handlers_for(*, community_id: int) -> QuerySet[User]:
    return User.objects.filter(is_active=True, is_staff=True, communities=community_id).order_by(
        "display_name", "pk"
    )


def organisations_for(*, community_id: int) -> QuerySet[SocialOrganisation]:
    """Active social organisations of the community's registry: who may handle a request as an organisation."""
    return SocialOrganisation.objects.filter(community_id=community_id, is_active=True).order_by("name")


def volunteers_for(*, community_id: int) -> QuerySet[User]:
    """Registered, active volunteers of the community (the volunteer registry): who may handle a request."""
    return User.objects.filter(
        is_active=True, volunteer__community_id=community_id, volunteer__is_active=True
    ).order_by("display_name", "pk")
