"""Statistics of 人人解忧铺 for the admin: counts by category × state × month, medians of the times to first
response and to resolution, the share closed within the resolution deadline, the average rating.

Counts and averages are aggregate queries; medians are taken in Python over the durations of the selected
period (SQLite has no median; the period's durations are one column of two timestamps)."""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from participation.help.models.requests import HelpRequest, HelpState


@dataclass
class HelpStatistics:
    states: list = field(default_factory=list)  # [(value, label)] columns of the table
    rows: list = field(default_factory=list)  # [{"month", "category", "counts": [n per state], "total"}]
    total: int = 0
    median_response: timedelta | None = None
    median_resolution: timedelta | None = None
    closed: int = 0
    closed_on_time: int = 0
    average_rating: float | None = None
    rated: int = 0

    @property
    def median_response_hours(self) -> float | None:
        return _hours(self.median_response)

    @property
    def median_resolution_hours(self) -> float | None:
        return _hours(self.median_resolution)

    @property
    def on_time_share(self) -> float | None:
        return self.closed_on_time / self.closed if self.closed else None


def _hours(duration: timedelta | None) -> float | None:
    return None if duration is None else round(duration.total_seconds() / 3600, 1)


def _median(pairs) -> timedelta | None:
    seconds = [(end - start).total_seconds() for start, end in pairs if start and end]
    return timedelta(seconds=statistics.median(seconds)) if seconds else None


def help_statistics(
    *, community_ids: set[int] | None, start: datetime, end: datetime, grid_id: int | None = None
) -> HelpStatistics:
    """Requests submitted in [start, end) in the given communities (None: all), of one grid if given."""
    requests = HelpRequest.objects.exclude(state=HelpState.DRAFT).filter(
        submitted_at__gte=start, submitted_at__lt=end
    )
    if community_ids is not None:
        requests = requests.filter(community_id__in=community_ids)
    if grid_id is not None:
        requests = requests.filter(grid_id=grid_id)

    states = [(value, label) for value, label in HelpState.choices if value != HelpState.DRAFT]
    table: dict[tuple, dict] = {}
    grouped = (
        requests.annotate(month=TruncMonth("submitted_at", tzinfo=timezone.get_current_timezone()))
        .values("month", "category__name", "state")
        .annotate(n=Count("pk"))
        .order_by("month", "category__name", "state")
    )
    for row in grouped:
        key = (row["month"], row["category__name"])
        table.setdefault(key, {})[row["state"]] = row["n"]
    result = HelpStatistics(states=states)
    for (month, category), counts in table.items():
        cells = [counts.get(value, 0) for value, _ in states]
        result.rows.append({"month": month, "category": category, "counts": cells, "total": sum(cells)})
        result.total += sum(cells)

    result.median_response = _median(
        requests.filter(responded_at__isnull=False).values_list("submitted_at", "responded_at")
    )
    result.median_resolution = _median(
        requests.filter(state__in=[HelpState.RESOLVED, HelpState.CLOSED]).values_list(
            "submitted_at", "resolved_at"
        )
    )
    closed = requests.filter(state=HelpState.CLOSED).aggregate(
        closed=Count("pk"),
        on_time=Count("pk", filter=Q(resolved_at__lte=F("resolution_due_at"))),
        rated=Count("rating"),
        average=Avg("rating"),
    )
    result.closed, result.closed_on_time = closed["closed"], closed["on_time"]
    result.rated, result.average_rating = closed["rated"], closed["average"]
    return result


def satisfaction(*, community_id: int, start: datetime, end: datetime) -> dict:
    """What the 居民服务满意率 indicator needs: ratings of requests closed in [start, end) (4–5 = satisfied)."""
    closed = HelpRequest.objects.filter(
        community_id=community_id, state=HelpState.CLOSED, closed_at__gte=start, closed_at__lt=end
    )
    return closed.aggregate(rated=Count("rating"), satisfied=Count("pk", filter=Q(rating__gte=4)))
