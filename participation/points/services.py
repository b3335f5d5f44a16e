"""Writes to the points ledger, and every points action a user can cause: claims (积分申领), staff awards
and deductions, redemptions (积分超市). Every change of a balance goes through record_entry."""

import uuid

import rules
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participation.models import Community
from participation.points.models import BehaviourItem, PointsClaim, Redemption, RedemptionState, Reward
from participation.points.models.ledger import EntryKind, PointsEntry
from participation.services import attach_photos
from workflows.exceptions import Forbidden, Invalid
from workflows.models import ReviewState
from workflows.services import log_transition, perform_transition


class InsufficientPoints(Invalid):
    pass


class AlreadyRecorded(Invalid):
    """The same source was already recorded for this kind, or the same staff form was sent again (a double
    click, a retried request). `entry` is the first recording when it is known."""

    def __init__(self, *args, entry: PointsEntry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry


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
    idempotency_key: uuid.UUID | None = None,
) -> PointsEntry:
    """Append one entry. The resident's row is locked first, so concurrent entries for one resident line up
    and each sees the balance the previous one left (on PostgreSQL; SQLite serialises writers anyway).

    An idempotency_key already recorded raises AlreadyRecorded with the first entry and records nothing. The
    lookup comes after the lock, so a second sending of the form waits for the first and then finds its
    entry; the unique constraint covers what the lock does not (the same key for another resident)."""
    if delta == 0:
        raise Invalid(_("A points entry must change the balance."), code="zero")
    if not reason.strip():
        raise Invalid(_("A points entry needs a reason."), code="no_reason")
    get_user_model().objects.select_for_update().filter(pk=resident.pk).first()
    if idempotency_key is not None:
        first = PointsEntry.objects.filter(idempotency_key=idempotency_key).first()
        if first is not None and first.resident_id == resident.pk:
            raise AlreadyRecorded(_("These points were already recorded."), code="repeated", entry=first)
        if first is not None:
            raise AlreadyRecorded(
                _(
                    "This form was already used for another resident; nothing was recorded. "
                    "Please fill it in again."
                ),
                code="key_taken",
            )
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
                idempotency_key=idempotency_key,
                **source_fields,
            )
    except IntegrityError as error:
        if "points_once_per_source" in str(error) or "UNIQUE" in str(error).upper():
            raise AlreadyRecorded(_("These points were already recorded."), code="duplicate") from error
        raise


def current_balance(*, resident) -> int:
    latest = (
        PointsEntry.objects.filter(resident=resident).order_by("-pk").values_list("balance_after", flat=True)
    )
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


# --- 积分申领: claims ------------------------------------------------------------------------------------


class ClaimRefused(Invalid):
    """The resident may not claim this behaviour (not verified, negative, inactive, another community)."""


def _member_of(user, community) -> bool:
    return user.communities.filter(pk=community.pk).exists()


def check_may_claim(*, resident, behaviour: BehaviourItem) -> None:
    """Raise ClaimRefused, with the reason in the resident's words, unless `resident` may claim `behaviour`."""
    if not rules.has_perm("points.claim_points", resident):
        raise ClaimRefused(
            _(
                "Only verified residents can claim points. Your community's coordination group verifies "
                "residents, e.g. when you visit the community office."
            ),
            code="unverified",
        )
    if not behaviour.is_positive:
        raise ClaimRefused(
            _("Only positive behaviours earn points: a negative behaviour cannot be claimed."),
            code="negative",
        )
    if not behaviour.is_active:
        raise ClaimRefused(_("This behaviour is no longer on the points list."), code="inactive")
    if not _member_of(resident, behaviour.community):
        raise ClaimRefused(
            _("This behaviour is not on your community's points list."), code="other_community"
        )


def _clean_description(description: str) -> str:
    description = (description or "").strip()
    if not description:
        raise Invalid(_("Please describe what you did."), code="no_description")
    return description


@transaction.atomic
def submit_claim(*, resident, behaviour: BehaviourItem, description: str, images=()) -> PointsClaim:
    """A resident's claim, saved with its photos and submitted to the operations group in one transaction."""
    check_may_claim(resident=resident, behaviour=behaviour)
    claim = PointsClaim.objects.create(
        community=behaviour.community,
        behaviour=behaviour,
        description=_clean_description(description),
        points=behaviour.points,
        author=resident,
    )
    attach_photos(item=claim, images=images, uploaded_by=resident)
    return perform_transition(obj=claim, transition="submit", actor=resident)


@transaction.atomic
def resubmit_claim(
    *, claim: PointsClaim, resident, behaviour: BehaviourItem, description: str
) -> PointsClaim:
    """The author changes a returned claim and submits it again."""
    if not claim.user_is_author(resident):
        raise Forbidden
    check_may_claim(resident=resident, behaviour=behaviour)
    locked = PointsClaim.objects.select_for_update().get(pk=claim.pk)
    if locked.state != ReviewState.RETURNED:
        raise Invalid(_("Only a claim returned for changes can be changed."), code="not_returned")
    # update(): the protected state field forbids re-assigning a loaded instance's fields wholesale.
    PointsClaim.objects.filter(pk=locked.pk).update(
        behaviour=behaviour, points=behaviour.points, description=_clean_description(description)
    )
    return perform_transition(obj=locked, transition="submit", actor=resident)


def award_for_claim(*, claim: PointsClaim, actor) -> PointsEntry:
    """Run when a claim is approved (points/handlers.py), inside perform_transition's transaction: one entry
    per claim (the ledger's once-per-source constraint makes a second one impossible even if approval were
    repeated)."""
    return record_entry(
        resident=claim.author,
        community=claim.community,
        delta=claim.points,
        kind=EntryKind.CLAIM,
        reason=gettext("Claim approved: %(behaviour)s") % {"behaviour": claim.behaviour.text},
        source=claim,
        actor=actor,
    )


# --- staff awards and deductions ------------------------------------------------------------------------


def _check_may_adjust(*, staff, resident, community: Community) -> None:
    if not rules.has_perm("points.adjust_points", staff, community):
        raise Forbidden
    if staff.pk == resident.pk:
        raise Invalid(_("Nobody may award or deduct their own points."), code="own_points")
    if not _member_of(resident, community):
        raise Invalid(_("This resident does not belong to the community."), code="other_community")


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(_("Please give a reason."), code="no_reason")
    return reason


@transaction.atomic
def award_points(
    *,
    staff,
    resident,
    community: Community,
    reason: str,
    points: int | None = None,
    behaviour=None,
    idempotency_key: uuid.UUID | None = None,
) -> PointsEntry:
    """A direct award: a positive behaviour of the 积分清单 (its points), or a free number of points.
    idempotency_key: the form's key; sent again, it raises AlreadyRecorded (see record_entry)."""
    _check_may_adjust(staff=staff, resident=resident, community=community)
    reason = _clean_reason(reason)
    if behaviour is not None:
        if not behaviour.is_positive or behaviour.community_id != community.pk:
            raise Invalid(_("Choose a positive behaviour of this community's list."), code="behaviour")
        points = points or behaviour.points
        reason = f"{behaviour.text[:80]}：{reason}"
    if not points or points <= 0:
        raise Invalid(_("An award must be more than zero points."), code="not_positive")
    return record_entry(
        resident=resident,
        community=community,
        delta=points,
        kind=EntryKind.AWARD,
        reason=reason,
        actor=staff,
        idempotency_key=idempotency_key,
    )


@transaction.atomic
def deduct_points(
    *,
    staff,
    resident,
    community: Community,
    behaviour: BehaviourItem,
    reason: str,
    idempotency_key: uuid.UUID | None = None,
) -> PointsEntry:
    """A deduction for a negative behaviour (附录D). The ledger refuses one that would leave a negative
    balance (InsufficientPoints): points are never owed. idempotency_key: as for award_points."""
    _check_may_adjust(staff=staff, resident=resident, community=community)
    reason = _clean_reason(reason)
    if behaviour.is_positive or behaviour.community_id != community.pk:
        raise Invalid(_("Choose a negative behaviour of this community's list."), code="behaviour")
    return record_entry(
        resident=resident,
        community=community,
        delta=behaviour.points,
        kind=EntryKind.DEDUCTION,
        reason=f"{behaviour.text[:80]}：{reason}",
        actor=staff,
        idempotency_key=idempotency_key,
    )


# --- 积分超市: redemptions --------------------------------------------------------------------------------


class RedemptionRefused(Invalid):
    pass


def _check_may_redeem(*, resident, reward: Reward) -> None:
    if rules.has_perm("points.redeem_reward", resident, reward):
        return
    if not rules.has_perm("points.claim_points", resident):
        raise RedemptionRefused(_("Only verified residents can redeem points."), code="unverified")
    raise RedemptionRefused(
        _("Only residents of this community can redeem its rewards."), code="other_community"
    )


def redeem(*, resident, reward: Reward, idempotency_key: uuid.UUID) -> tuple[Redemption, bool]:
    """Take the reward's price from the resident's points and one from its stock, in one transaction.

    The reward's row is locked first: two residents redeeming the last one line up, and the second finds the
    stock at zero. The same form sent twice (a double click) carries the same key and gets the first
    redemption back, `created` False. Raises RedemptionRefused or InsufficientPoints, changing nothing."""
    with transaction.atomic():
        locked = Reward.objects.select_for_update().get(pk=reward.pk)
        existing = Redemption.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            if existing.resident_id != resident.pk:
                raise RedemptionRefused(_("This request was already used."), code="key_taken")
            return existing, False
        _check_may_redeem(resident=resident, reward=locked)
        if not locked.is_active:
            raise RedemptionRefused(_("This reward is no longer on offer."), code="inactive")
        if locked.stock <= 0:
            raise RedemptionRefused(_("Sorry, this reward has run out."), code="out_of_stock")
        redemption = Redemption.objects.create(
            reward=locked,
            community=locked.community,
            resident=resident,
            points=locked.price,
            idempotency_key=idempotency_key,
        )
        Reward.objects.filter(pk=locked.pk).update(stock=F("stock") - 1)
        record_entry(
            resident=resident,
            community=locked.community,
            delta=-locked.price,
            kind=EntryKind.REDEMPTION,
            reason=gettext("Redeemed: %(reward)s") % {"reward": locked.name},
            source=redemption,
            actor=resident,
        )
    return redemption, True


def _change_redemption(*, redemption: Redemption, transition: str, actor, comment: str) -> Redemption:
    locked = Redemption.objects.select_for_update().select_related("reward").get(pk=redemption.pk)
    if not rules.has_perm("points.handle_redemption", actor, locked):
        raise Forbidden
    if locked.resident_id == actor.pk:
        raise Forbidden  # four eyes: staff never hand out (or refund) their own redemption
    if locked.state != RedemptionState.REQUESTED:
        raise Invalid(_("This redemption has already been handled."), code="handled")
    from_state = locked.state
    getattr(locked, transition)()
    locked.save()
    log_transition(
        obj=locked,
        transition=transition,
        from_state=from_state,
        to_state=locked.state,
        actor=actor,
        comment=comment,
    )
    return locked


@transaction.atomic
def fulfil_redemption(*, redemption: Redemption, actor, comment: str = "") -> Redemption:
    """The resident received the goods or the service."""
    return _change_redemption(redemption=redemption, transition="fulfil", actor=actor, comment=comment)


@transaction.atomic
def cancel_redemption(*, redemption: Redemption, actor, comment: str) -> Redemption:
    """Cancel with a reason: the points come back (one REFUND entry, ever) and so does the stock."""
    comment = _clean_reason(comment)
    locked = _change_redemption(redemption=redemption, transition="cancel", actor=actor, comment=comment)
    Reward.objects.filter(pk=locked.reward_id).update(stock=F("stock") + 1)
    record_entry(
        resident=locked.resident,
        community=locked.community,
        delta=locked.points,
        kind=EntryKind.REFUND,
        reason=gettext("Refund, redemption cancelled: %(reward)s") % {"reward": locked.reward.name},
        source=locked,
        actor=actor,
    )
    return locked


@transaction.atomic
def upsert_behaviour_item(
    *, community: Community, polarity: str, number: int, category: str, text: str, points: int
) -> BehaviourItem:
    """Keyed by (community, list, number): running it again updates rather than duplicates."""
    item, _ = BehaviourItem.objects.update_or_create(
        community=community,
        polarity=polarity,
        number=number,
        defaults={"category": category, "text": text, "points": points},
    )
    return item
