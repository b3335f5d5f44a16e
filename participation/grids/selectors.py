"""Read queries of grids and the diary. Diary contents are for staff; the counts are for evaluation too."""

from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncMonth

from participation.grids.models import DiaryEntry


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
