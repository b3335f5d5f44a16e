"""The points ledger (积分, docs/architecture.md, “The pieces”): append-only entries; each carries the balance after it.

Storing the running balance makes "never below zero" a database constraint and a balance one row read; the
entries still add up to it (tested). An entry is never changed or removed: a correction is a new entry."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class EntryKind(models.TextChoices):
    CLAIM = "claim", _("Approved claim")
    ACTIVITY = "activity", _("Activity attendance")
    VOLUNTEER = "volunteer", _("Volunteer hours")
    HELP = "help", _("Help request handled")
    AWARD = "award", _("Award by staff")
    DEDUCTION = "deduction", _("Deduction for negative behaviour")
    REDEMPTION = "redemption", _("Redemption")
    REFUND = "refund", _("Refund of a cancelled redemption")
    CORRECTION = "correction", _("Correction")


# Kinds that earn points: the reputation level (participation/points/reputation.py) and the 善行榜 count these
# only. Defined here because the index below is restricted to them.
EARNING_KINDS = (EntryKind.CLAIM, EntryKind.ACTIVITY, EntryKind.VOLUNTEER, EntryKind.HELP, EntryKind.AWARD)
#: An entry that earns points (a negative award is not an earning).
EARNED = Q(kind__in=EARNING_KINDS, delta__gt=0)

# Kinds that at most one entry may record for the same source object (no double award, no double refund).
ONCE_PER_SOURCE = (
    EntryKind.CLAIM,
    EntryKind.ACTIVITY,
    EntryKind.VOLUNTEER,
    EntryKind.HELP,
    EntryKind.REDEMPTION,
    EntryKind.REFUND,
)


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Points entries are append-only: record a correction instead.")

    def delete(self):
        raise TypeError("Points entries are append-only: record a correction instead.")


class PointsEntry(models.Model):
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="points_entries",
        verbose_name=_("resident"),
    )
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="points_entries", verbose_name=_("community")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    delta = models.IntegerField(_("points"))
    balance_after = models.IntegerField(_("balance after"))
    reason = models.CharField(_("reason"), max_length=200)
    source_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("source type"),
    )
    source_id = models.PositiveBigIntegerField(_("source id"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # The key of the staff form that recorded it (直接奖励/扣分): the same form sent twice records once.
    idempotency_key = models.UUIDField(_("request key"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("points entry")
        verbose_name_plural = _("points ledger")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["resident", "-id"], name="points_resident_latest_idx"),
            # The month's top contributors of a community (善行榜) read only this index: the earned entries of
            # the month, with the columns summed (PostgreSQL; elsewhere a plain partial index).
            models.Index(
                fields=["community", "created_at"],
                include=["resident", "delta"],
                condition=EARNED,
                name="points_earned_month_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(delta=0), name="points_entry_delta_not_zero"),
            models.CheckConstraint(
                condition=Q(balance_after__gte=0),
                name="points_balance_never_negative",
                violation_error_message=_("The points balance cannot go below zero."),
            ),
            models.UniqueConstraint(
                fields=["source_type", "source_id", "kind"],
                condition=Q(source_id__isnull=False, kind__in=ONCE_PER_SOURCE),
                name="points_once_per_source",
            ),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="points_idempotency_key_unique",
            ),
        ]

    def __str__(self):
        return f"{self.resident} {self.delta:+d} ({self.reason})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Points entries are append-only: record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Points entries are append-only: record a correction instead.")
