"""Read queries of the 5/10/15分钟便民服务圈 directory."""

from django.db.models import QuerySet

from participation.models import Community, ServicePoint


def service_directory(*, community: Community, category: str = "") -> QuerySet[ServicePoint]:
    """Active service points by walking time, then category, then name (the public page groups them so)."""
    points = ServicePoint.objects.filter(community=community, is_active=True)
    if category:
        points = points.filter(category=category)
    return points.order_by("walking_minutes", "category", "name", "pk")
