"""Read queries of the 5/10/15分钟便民服务圈 directory."""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from participation.community_life.models import ServiceCategory, ServicePoint
from participation.models import Community

# Categories in the order of their choices (养老, 托育, 卫生 … 其他), not alphabetically by code.
CATEGORY_ORDER = Case(
    *(When(category=value, then=Value(index)) for index, value in enumerate(ServiceCategory.values)),
    default=Value(len(ServiceCategory.values)),
    output_field=IntegerField(),
)


def service_directory(*, community: Community, category: str = "") -> QuerySet[ServicePoint]:
    """Active service points by walking time, then category, then name (the public page groups them so)."""
    points = ServicePoint.objects.filter(community=community, is_active=True)
    if category:
        points = points.filter(category=category)
    return points.annotate(category_order=CATEGORY_ORDER).order_by(
        "walking_minutes", "category_order", "name", "pk"
    )
