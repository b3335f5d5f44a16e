"""积分超市 (docs/architecture.md, “The pieces”): rewards a community offers for points, and residents' redemptions of them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from participation.models.communities import Community
from workflows.models.reviewable import TransitionSpec


class RewardKind(models.TextChoices):
    SERVICE = "service", _("Service")
    GOODS = "goods", _("Goods")


class Reward(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="rewards", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    kind = models.CharField(_("kind"), max_length=10, choices=RewardKind.choices, default=RewardKind.GOODS)
    price = models.IntegerField(
        _("points price"),
        validators=[MinValueValidator(1, message=_("The points price must be greater than zero."))],
    )
    stock = models.IntegerField(
        _("stock"),
        validators=[MinValueValidator(0, message=_("The stock cannot be negative."))],
        help_text=_("How many are left; each redemption takes one, a cancelled one gives it back."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    is_active = models.BooleanField(_("on offer"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reward")
        verbose_name_plural = _("rewards")
        ordering = ["community", "price", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name"],
                name="reward_name_unique_per_community",
                violation_error_message=_("This community already offers a reward with this name."),
            ),
            models.CheckConstraint(
                condition=Q(price__gt=0),
                name="reward_price_positive",
                violation_error_message=_("The points price must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(stock__gte=0),
                name="reward_stock_not_negative",
                violation_error_message=_("The stock cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # A reward put on offer with nothing in stock is a typing mistake; one that sold out may stay at 0.
        if self._state.adding and self.stock is not None and self.stock <= 0:
            raise ValidationError({"stock": _("A new reward needs a stock of at least 1.")})


class RedemptionState(models.TextChoices):
    REQUESTED = "requested", _("Awaiting fulfilment")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELLED = "cancelled", _("Cancelled, points refunded")


TRANSITION_LABELS = {"fulfil": _("Mark fulfilled"), "cancel": _("Cancel and refund")}


class Redemption(FSMModelMixin, models.Model):
    """A resident's redemption of one reward. Its points and stock were taken when it was made; the state
    changes only through participation.points.services (each change logged in workflows' TransitionLog)."""

    reward = models.ForeignKey(
        Reward, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("reward")
    )
    # The reward's community, copied so staff scoping works like every other community item.
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("community")
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="redemptions",
        verbose_name=_("resident"),
    )
    points = models.IntegerField(_("points"))
    state = FSMField(
        _("state"),
        default=RedemptionState.REQUESTED,
        choices=RedemptionState.choices,
        protected=True,
        editable=False,
        db_index=True,
    )
    # From the redeem form: a double click or a resent form carries the same key and finds this redemption.
    idempotency_key = models.UUIDField(_("request key"), default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("redemption")
        verbose_name_plural = _("redemptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["idempotency_key"], name="redemption_idempotency_key_unique"),
            models.CheckConstraint(condition=Q(points__gt=0), name="redemption_points_positive"),
        ]

    def __str__(self):
        return f"{self.reward}（{self.points}分）"

    @transition(field="state", source=RedemptionState.REQUESTED, target=RedemptionState.FULFILLED)
    def fulfil(self):
        pass

    @transition(field="state", source=RedemptionState.REQUESTED, target=RedemptionState.CANCELLED)
    def cancel(self):
        pass

    # What workflows' TransitionLog asks a model for its labels.
    @classmethod
    def state_label(cls, value: str):
        return dict(RedemptionState.choices).get(value, value)

    @classmethod
    def transition_specs(cls) -> dict[str, TransitionSpec]:
        return {
            name: TransitionSpec(
                name=name,
                label=label,
                comment_required=name == "cancel",
                actor="reviewer",
                sources=(),
                target=None,
            )
            for name, label in TRANSITION_LABELS.items()
        }
