"""Read queries of grids and the diary. Diary contents are for staff; the counts are for evaluation too."""

from datetime import date

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from participation.grids.models import DiaryEntry
from participation.models import Community, Grid
from participation.selectors import community_ids_for_user


def grids_for(*, community_ids: set[int] | None) -> QuerySet[Grid]:
    """Grids to choose from in the admin: those of the given communities (None: all)."""
    grids = Grid.objects.select_related("community").order_by("community__name", "name")
    return grids if community_ids is None else grids.filter(community_id__in=community_ids)


def grids_for_user(*, user) -> QuerySet[Grid]:
    """The grids of the staff member's communities (all for a superuser): the choices of grid filters and fields."""
    return grids_for(community_ids=community_ids_for_user(user=user))


def grids_of(*, community: Community) -> QuerySet[Grid]:
    return Grid.objects.filter(community=community).select_related("worker").order_by("name")


def diary_counts(*, community_ids: set[int] | None, since: date) -> list[dict]:
    """Diary entries per month and grid since a date: rows of month, community, grid, kind and count."""
    entries = DiaryEntry.objects.filter(visited_on__gte=since)
    if community_ids is not None:
        entries = entries.filter(community_id__in=community_ids)
    return list(
        entries.annotate(month=TruncMonth("visited_on"))
        .values("month", "community__name", "grid__name", "kind")
        .annotate(count=Count("pk"))
        .order_by("-month", "community__name", "grid__name", "kind")
    )
