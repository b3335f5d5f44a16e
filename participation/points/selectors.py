"""Read queries of the points ledger."""

from django.db.models import QuerySet, Sum

from participation.models.ledger import PointsEntry
from participation.points.services import current_balance

__all__ = ["balance", "entries_for", "ledger_total", "current_balance"]


def balance(*, resident) -> int:
    return current_balance(resident=resident)


def entries_for(*, resident) -> QuerySet[PointsEntry]:
    return PointsEntry.objects.filter(resident=resident).select_related("community").order_by("-pk")


def ledger_total(*, resident) -> int:
    """The sum of the resident's entries: always equal to balance() (the ledger's invariant)."""
    return PointsEntry.objects.filter(resident=resident).aggregate(total=Sum("delta"))["total"] or 0
