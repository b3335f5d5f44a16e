"""Read queries of activity sign-up: for the activity page's sign-up box, 我的, and the admin's check-in."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from participation.activities.models import ActivitySignup, SignupStatus
from participation.models import Community
from renren_cms.page_cache import cached_by_generation

# The page model that carries activities' fields, named as a string like a lazy foreign key: participation
# never imports home (home builds on participation, not the other way round).
ACTIVITY_PAGE_MODEL = getattr(settings, "PARTICIPATION_ACTIVITY_PAGE_MODEL", "home.ActivityPage")


def activity_page_model():
    return apps.get_model(ACTIVITY_PAGE_MODEL)


def signup_deadline(page):
    """Sign-up and cancellation close at the deadline, or when the activity starts if there is none."""
    return getattr(page, "signup_deadline", None) or page.starts_at


def signup_open(page, *, now=None) -> bool:
    return (now or timezone.now()) <= signup_deadline(page)


def community_of(*, activity: Page) -> Community | None:
    """The community whose home page the activity sits under."""
    return Community.objects.filter(home_page__in=Page.objects.ancestor_of(activity, inclusive=True)).first()


def confirmed_count(*, activity) -> int:
    return ActivitySignup.objects.filter(activity_id=activity.pk, status=SignupStatus.CONFIRMED).count()


def counts(*, activity) -> dict[str, int]:
    result = ActivitySignup.objects.filter(activity_id=activity.pk).aggregate(
        confirmed=Count("pk", filter=Q(status=SignupStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=SignupStatus.WAITLISTED)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )
    return result


def active_signup(*, activity, resident, with_position: bool = False) -> ActivitySignup | None:
    """The resident's live sign-up; with_position also reads, in the same query, how many wait ahead of it
    (`waiting_ahead`, see waitlist_position)."""
    if not resident.is_authenticated:
        return None
    signups = ActivitySignup.objects.filter(activity_id=activity.pk, resident=resident).exclude(
        status=SignupStatus.CANCELLED
    )
    if with_position:
        signups = signups.annotate(waiting_ahead=Coalesce(Subquery(_waiting_ahead()[:1]), 0))
    return signups.first()


def _waitlisted_before(signup) -> Q:
    """The waitlist's order: first come, first served (then the pk, for sign-ups in the same instant)."""
    return Q(created_at__lt=signup["created_at"]) | Q(created_at=signup["created_at"], pk__lt=signup["pk"])


def _waiting_ahead():
    # A correlated count of the waitlisted sign-ups ahead of the outer one.
    outer = {"created_at": OuterRef("created_at"), "pk": OuterRef("pk")}
    return (
        ActivitySignup.objects.filter(activity_id=OuterRef("activity_id"), status=SignupStatus.WAITLISTED)
        .filter(_waitlisted_before(outer))
        .order_by()
        .values("activity_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def waitlist_position(*, signup: ActivitySignup) -> int | None:
    if signup.status != SignupStatus.WAITLISTED:
        return None
    ahead = getattr(signup, "waiting_ahead", None)
    if ahead is None:
        ahead = (
            ActivitySignup.objects.filter(activity_id=signup.activity_id, status=SignupStatus.WAITLISTED)
            .filter(_waitlisted_before({"created_at": signup.created_at, "pk": signup.pk}))
            .count()
        )
    return ahead + 1


def signup_box(*, page, user, now=None) -> dict:
    """Everything the sign-up box on an activity page shows, in at most two queries (the counts are cached)."""
    now = now or timezone.now()
    capacity = getattr(page, "capacity", None)
    # The same for every viewer, and every sign-up bumps the content generation: counted once per change.
    numbers = cached_by_generation(f"activity-counts:{page.pk}", lambda: counts(activity=page))
    signup = active_signup(activity=page, resident=user, with_position=True)
    return {
        "page": page,
        "capacity": capacity,
        "confirmed": numbers["confirmed"],
        "waitlisted": numbers["waitlisted"],
        "seats_left": None if capacity is None else max(capacity - numbers["confirmed"], 0),
        "is_open": signup_open(page, now=now),
        "is_past": page.ends_at < now,
        "deadline": signup_deadline(page),
        "signup": signup,
        "position": waitlist_position(signup=signup) if signup else None,
    }


def my_signups(*, resident) -> QuerySet[ActivitySignup]:
    return (
        ActivitySignup.objects.filter(resident=resident)
        .exclude(status=SignupStatus.CANCELLED)
        .select_related("activity")
        .order_by("-created_at", "-pk")
    )


def signups_for_check_in(*, activity) -> QuerySet[ActivitySignup]:
    return (
        ActivitySignup.objects.filter(activity_id=activity.pk)
        .exclude(status=SignupStatus.CANCELLED)
        .select_related("resident", "checked_in_by")
        .order_by("status", "created_at", "pk")
    )


def activities_for_staff(*, community_ids: set[int] | None) -> QuerySet:
    """Activity pages (any state) of the staff member's communities; all of them when community_ids is None."""
    pages = activity_page_model().objects.all()
    if community_ids is not None:
        home_paths = list(
            Community.objects.filter(pk__in=community_ids, home_page__isnull=False).values_list(
                "home_page__path", flat=True
            )
        )
        if not home_paths:
            return pages.none()
        condition = Q()
        for path in home_paths:
            condition |= Q(path__startswith=path)
        pages = pages.filter(condition)
    return pages.annotate(
        confirmed=Count("activity_signups", filter=Q(activity_signups__status=SignupStatus.CONFIRMED)),
        attended=Count("activity_signups", filter=Q(activity_signups__attended_at__isnull=False)),
    ).order_by("-starts_at", "-pk")


def community_activities(*, community: Community) -> QuerySet:
    """Live, public activities of a community, for its calendar feed."""
    model = activity_page_model()
    try:
        home = community.home_page
    except ObjectDoesNotExist:  # a community without its pages yet
        return model.objects.none()
    return model.objects.live().public().descendant_of(home).order_by("starts_at", "pk")
