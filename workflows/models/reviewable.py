"""The abstract `Reviewable`: an item an author submits and reviewers approve, return or reject (§3).

Concrete flows subclass it, pick their reviewers (`reviewer_groups`, `user_can_review`), and add states and
transitions. Each transition declares, in django-fsm's `custom=`, its label, which side takes it
("author" or "reviewer") and whether a comment is required; `permission=` holds the rules predicate."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from workflows.rules import can_review, is_author, transition_permission

AUTHOR = "author"
REVIEWER = "reviewer"


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for changes")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@dataclass(frozen=True)
class TransitionSpec:
    """What the admin and the public site need to know about one transition."""

    name: str
    label: str | Promise
    comment_required: bool
    actor: str
    sources: tuple
    target: str | None


author_may = transition_permission(is_author)
reviewer_may = transition_permission(can_review)


def _is_open(instance) -> bool:
    return instance.state in instance.open_states


def _group_names(user) -> frozenset:
    # Cached on the user object: the admin asks once per transition button, the queue once per model.
    names = getattr(user, "_workflows_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._workflows_group_names = names
    return names


def _is_active_user(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


class Reviewable(FSMModelMixin, models.Model):
    """Abstract base of every reviewed item. `state` changes only through services.perform_transition."""

    #: Names of the Django groups whose members review this kind of item.
    reviewer_groups: tuple[str, ...] = ()
    #: States the author may still withdraw from; subclasses with more open states extend this.
    open_states: tuple[str, ...] = (ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.RETURNED)
    #: States in which the item waits for a reviewer (the review queue, reviewer notifications).
    review_states: tuple[str, ...] = (ReviewState.SUBMITTED,)
    #: The state field's choices; subclasses adding states list them all, e.g. [*ReviewState.choices, (...)].
    state_choices = ReviewState.choices
    #: The notification kind of this flow (see Message.kind); default "<model name>_review".
    notification_kind: str = ""

    state = FSMField(
        verbose_name=_("state"),
        default=ReviewState.DRAFT,
        choices=ReviewState.choices,
        protected=True,
        editable=False,
        db_index=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
        help_text=_("Empty for items a visitor created without an account."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(state__in=[ReviewState.DRAFT, ReviewState.WITHDRAWN]) | Q(submitted_at__isnull=False)
                ),
                name="%(app_label)s_%(class)s_submitted_has_time",
                violation_error_message=_("A submitted item must have a submission time."),
            ),
        ]

    # --- who may act -------------------------------------------------------------------------------

    def user_is_author(self, user) -> bool:
        return _is_active_user(user) and self.author_id is not None and self.author_id == user.pk

    @classmethod
    def user_is_reviewer(cls, user) -> bool:
        """Reviewer of this kind of item in general (superuser or in `reviewer_groups`)."""
        if not _is_active_user(user):
            return False
        return user.is_superuser or bool(_group_names(user) & set(cls.reviewer_groups))

    def user_can_review(self, user) -> bool:
        """May `user` review this item? Concrete flows override this to add e.g. the same community.

        Nobody reviews their own item (four eyes), not even a superuser."""
        return type(self).user_is_reviewer(user) and not self.user_is_author(user)

    @classmethod
    def filter_review_queue(cls, queryset, user):
        """Narrow `queryset` to the items `user` may review; keep it in step with `user_can_review`."""
        if not cls.user_is_reviewer(user):
            return queryset.none()
        return queryset.exclude(author_id=user.pk)

    def reviewer_candidates(self):
        """Users who might review this item; notifications keep those for whom `user_can_review` holds."""
        return (
            get_user_model()
            ._default_manager.filter(is_active=True, groups__name__in=self.reviewer_groups)
            .distinct()
            .order_by("pk")
        )

    # --- transitions -------------------------------------------------------------------------------
    # Every transition method takes keyword-only `actor` and `comment`, which perform_transition passes.

    @transition(
        field="state",
        source=[ReviewState.DRAFT, ReviewState.RETURNED],
        target=ReviewState.SUBMITTED,
        permission=author_may,
        custom={"label": _("Submit"), "actor": AUTHOR, "comment_required": False},
    )
    def submit(self, *, actor=None, comment=""):
        self.submitted_at = timezone.now()

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=ReviewState.APPROVED,
        permission=reviewer_may,
        custom={"label": _("Approve"), "actor": REVIEWER, "comment_required": False},
    )
    def approve(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=ReviewState.RETURNED,
        permission=reviewer_may,
        custom={"label": _("Return for changes"), "actor": REVIEWER, "comment_required": True},
    )
    def return_for_changes(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=ReviewState.SUBMITTED,
        target=ReviewState.REJECTED,
        permission=reviewer_may,
        custom={"label": _("Reject"), "actor": REVIEWER, "comment_required": True},
    )
    def reject(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source="*",
        target=ReviewState.WITHDRAWN,
        conditions=[_is_open],
        permission=author_may,
        custom={"label": _("Withdraw"), "actor": AUTHOR, "comment_required": False},
    )
    def withdraw(self, *, actor=None, comment=""):
        pass

    # --- metadata ----------------------------------------------------------------------------------

    @classmethod
    def transition_specs(cls) -> dict[str, TransitionSpec]:
        """Every transition of this model by name (whatever the current state)."""
        by_name: dict[str, list] = {}
        for fsm_transition in cls._meta.get_field("state").get_all_transitions(cls):
            by_name.setdefault(fsm_transition.name, []).append(fsm_transition)
        specs = {}
        for name, fsm_transitions in by_name.items():
            custom = fsm_transitions[0].custom
            specs[name] = TransitionSpec(
                name=name,
                label=custom.get("label") or capfirst(name.replace("_", " ")),
                comment_required=bool(custom.get("comment_required", False)),
                actor=custom.get("actor", REVIEWER),
                sources=tuple(t.source for t in fsm_transitions),
                target=fsm_transitions[0].target,
            )
        return specs

    def available_transitions_for(self, user) -> list[TransitionSpec]:
        """The transitions `user` may take on this item now, in declaration-independent name order."""
        specs = self.transition_specs()
        names = {t.name for t in self.get_available_user_state_transitions(user)}
        return [specs[name] for name in sorted(names)]

    @property
    def is_open(self) -> bool:
        return _is_open(self)

    @property
    def awaits_review(self) -> bool:
        return self.state in self.review_states

    @classmethod
    def get_notification_kind(cls) -> str:
        return cls.notification_kind or f"{cls._meta.model_name}_review"

    @classmethod
    def state_label(cls, value: str):
        return dict(cls._meta.get_field("state").flatchoices).get(value, value)

    def notification_url(self, *, recipient, as_reviewer: bool) -> str:
        """Where a notification points: the admin for reviewers, the item's page for authors."""
        if as_reviewer:
            from wagtail.admin.admin_url_finder import AdminURLFinder

            return AdminURLFinder(recipient).get_edit_url(self) or ""
        get_absolute_url = getattr(self, "get_absolute_url", None)
        return get_absolute_url() if callable(get_absolute_url) else ""


@receiver(class_prepared)
def _apply_state_choices(sender, **kwargs):
    # Each concrete model has its own copy of `state`; give it the model's own list of states, so subclasses
    # add states without redefining the field (a redefined field would lose the inherited transitions).
    if issubclass(sender, Reviewable) and not sender._meta.abstract:
        sender._meta.get_field("state").choices = list(sender.state_choices)
