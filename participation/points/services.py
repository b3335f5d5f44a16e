"""Writes to the points ledger. Every change of a balance goes through record_entry."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from participation.models import Community
from participation.models.ledger import EntryKind, PointsEntry


class InsufficientPoints(ValidationError):
    pass


class AlreadyRecorded(ValidationError):
    """The same source was already recorded for this kind (a double click, a retried request)."""


@transaction.atomic
def record_entry(
    *,
    resident,
    community: Community,
    delta: int,
    kind: str,
    reason: str,
    source=None,
    actor=None,
) -> PointsEntry:
    """Append one entry. The resident's row is locked first, so concurrent entries for one resident line up
    and each sees the balance the previous one left (on PostgreSQL; SQLite serialises writers anyway)."""
    if delta == 0:
        raise ValidationError(_("A points entry must change the balance."), code="zero")
    if not reason.strip():
        raise ValidationError(_("A points entry needs a reason."), code="no_reason")
    get_user_model().objects.select_for_update().filter(pk=resident.pk).first()
    balance = current_balance(resident=resident)
    if balance + delta < 0:
        raise InsufficientPoints(
            _("Not enough points: the balance is %(balance)s, %(needed)s are needed."),
            code="insufficient",
            params={"balance": balance, "needed": -delta},
        )
    source_fields = {}
    if source is not None:
        source_fields = {"source_type": ContentType.objects.get_for_model(source), "source_id": source.pk}
    try:
        with transaction.atomic():
            return PointsEntry.objects.create(
                resident=resident,
                community=community,
                kind=EntryKind(kind),
                delta=delta,
                balance_after=balance + delta,
                reason=reason.strip()[:200],
                actor=actor,
                **source_fields,
            )
    except IntegrityError as error:
        if "points_once_per_source" in str(error) or "UNIQUE" in str(error).upper():
            raise AlreadyRecorded(_("These points were already recorded."), code="duplicate") from error
        raise


def current_balance(*, resident) -> int:
    latest = PointsEntry.objects.filter(resident=resident).order_by("-pk").values_list("balance_after", flat=True)
    return latest.first() or 0


@transaction.atomic
def reverse_entry(*, entry: PointsEntry, actor, reason: str) -> PointsEntry:
    """A correction: the opposite of entry, never an edit of it."""
    return record_entry(
        resident=entry.resident,
        community=entry.community,
        delta=-entry.delta,
        kind=EntryKind.CORRECTION,
        reason=reason,
        actor=actor,
    )
