"""Read queries of the evaluation app."""

from django.db.models import QuerySet

from evaluation.models import ConstructionTask


def construction_tasks() -> QuerySet[ConstructionTask]:
    return ConstructionTask.objects.order_by("number")
