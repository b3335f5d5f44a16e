"""人人解忧铺 (docs/architecture.md, “The pieces”): help requests (their categories and response templates: help_categories.py).

States of a HelpRequest, and how they sit on the Reviewable base:
- ``draft`` exists only inside the transaction that creates a request: services create it and take `submit`
  at once, so a visitor's request is "submitted" the moment it is saved, the timeline starts with
  "submitted", and the coordinators are notified by the workflow core as for any item awaiting review.
- ``submitted`` (待受理) is the base's review state; the coordination group triages it: `accept`, the base's
  `reject` (reason required) or `mark_duplicate` (linked to an original of the same community).
- The base's ``approved`` and ``returned`` are not used: `approve` and `return_for_changes` are removed
  (a visitor cannot edit a request, so there is nothing to return it for) and `accept` leads to ``accepted``.
- Routing by grid: triage stays with the coordination group; accepting a request whose grid has a worker
  also assigns it to them (services.accept: two logged transitions); `assign` reassigns it as any other.
- ``accepted`` → ``assigned`` (one handler: staff, volunteer or social organisation) → ``in_progress`` →
  ``resolved`` (resolution note) → ``closed`` (the requester confirms and rates 1–5), or `reopen` back to
  ``in_progress`` (reason required, within 30 days of the resolution or closing).
- ``withdrawn``: the requester may withdraw while the request still waits for triage (the base's rule)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from participation.help import clock

# ResponseTemplate is re-exported: it lived here before the split, and imports of it from here keep working.
from participation.help.models.categories import HelpCategory, ResponseTemplate  # noqa: F401
from participation.help.rules import may_handle, may_submit, requester_may
from participation.models.base import CommunityReviewable
from workflows.models import AUTHOR, REVIEWER, ReviewState
from workflows.models.reviewable import reviewer_may

REOPEN_WINDOW = timedelta(days=30)
COORDINATION_GROUP = "综合协调组"


class HelpState(models.TextChoices):
    DRAFT = ReviewState.DRAFT.value, _("Draft")
    SUBMITTED = ReviewState.SUBMITTED.value, _("Waiting for triage")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = ReviewState.REJECTED.value, _("Not accepted")
    DUPLICATE = "duplicate", _("Duplicate")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved, waiting for confirmation")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = ReviewState.WITHDRAWN.value, _("Withdrawn")


# Waiting for a first answer (accept, reject or duplicate) / not yet resolved: the two deadlines' scopes.
AWAITING_RESPONSE = (HelpState.SUBMITTED,)
AWAITING_RESOLUTION = (HelpState.SUBMITTED, HelpState.ACCEPTED, HelpState.ASSIGNED, HelpState.IN_PROGRESS)
HANDLED_STATES = (HelpState.ASSIGNED, HelpState.IN_PROGRESS, HelpState.RESOLVED, HelpState.CLOSED)


class IntakeChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")


class HandlerKind(models.TextChoices):
    STAFF = "staff", _("Community staff member")
    VOLUNTEER = "volunteer", _("Volunteer")
    ORGANISATION = "organisation", _("Social organisation")


def _within_reopen_window(instance) -> bool:
    return instance.may_still_reopen()


class HelpRequest(CommunityReviewable):
    reviewer_groups = (COORDINATION_GROUP,)
    open_states = (HelpState.DRAFT, HelpState.SUBMITTED)
    review_states = (HelpState.SUBMITTED,)
    state_choices = HelpState.choices
    notification_kind = "help_request"

    category = models.ForeignKey(
        HelpCategory, on_delete=models.PROTECT, related_name="requests", verbose_name=_("category")
    )
    summary = models.CharField(_("summary"), max_length=80)
    description = models.TextField(_("description"))
    # A snapshot for residents (their account may change later); typed in by visitors. Staff only.
    requester_name = models.CharField(_("requester's name"), max_length=50)
    requester_phone = models.CharField(_("requester's mobile number"), max_length=11)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
        help_text=_("The staff member who entered it on the requester's behalf."),
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=IntakeChannel.choices, default=IntakeChannel.ONLINE
    )
    # Routing (表1 task 23): the requester's grid, from their household or chosen by staff entering it; on
    # acceptance its worker becomes the default handler (services.accept).
    grid = models.ForeignKey(
        "participation.Grid",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
        verbose_name=_("grid"),
    )
    # The 民情日记 entry it was turned into a request from: staff-only, never shown on a public page.
    source_diary_entry = models.ForeignKey(
        "grids.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
        verbose_name=_("from the visit diary entry"),
        editable=False,
    )
    is_public = models.BooleanField(_("may be shown publicly"), default=False)
    is_sensitive = models.BooleanField(_("sensitive"), default=False)
    # SHA-256 of the visitor's tracking token; the token itself is never stored. NULL, not "", for requests
    # without one: the column is unique and many requests have no token.
    tracking_token_hash = models.CharField(  # noqa: DJ001
        _("tracking token hash"), max_length=64, null=True, blank=True, editable=False
    )
    # Set once, at submission: a later change of the category's deadlines does not move them.
    response_due_at = models.DateTimeField(_("response due"), null=True, blank=True, editable=False)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True, editable=False)
    responded_at = models.DateTimeField(_("first response at"), null=True, blank=True, editable=False)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    resolution_note = models.TextField(_("resolution note"), blank=True, editable=False)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
        editable=False,
    )
    # The handler: exactly one kind once assigned. A social organisation is one of the community's registry
    # (`assigned_organisation`); its name and contact are copied at assignment, so the handler stays known if
    # the registry entry changes or goes, and requests assigned before the registry keep theirs.
    assigned_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned staff member"),
        editable=False,
    )
    assigned_volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned volunteer"),
        editable=False,
    )
    assigned_organisation = models.ForeignKey(
        "registries.SocialOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_help_requests",
        verbose_name=_("assigned social organisation"),
        editable=False,
    )
    assigned_organisation_name = models.CharField(
        _("social organisation's name"), max_length=100, blank=True, editable=False
    )
    assigned_organisation_contact = models.CharField(
        _("social organisation contact"), max_length=100, blank=True, editable=False
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True, editable=False)

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["community", "state", "submitted_at"], name="help_community_state_idx"),
            models.Index(fields=["community", "is_public", "is_sensitive"], name="help_public_idx"),
        ]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="help_rating_1_to_5",
                violation_error_message=_("The rating must be between 1 and 5."),
            ),
            models.CheckConstraint(
                condition=~Q(state=HelpState.CLOSED) | Q(rating__isnull=False, closed_at__isnull=False),
                name="help_closed_has_rating",
            ),
            models.CheckConstraint(
                condition=(
                    Q(assigned_staff__isnull=True, assigned_volunteer__isnull=True)
                    | Q(assigned_staff__isnull=True, assigned_organisation_name="")
                    | Q(assigned_volunteer__isnull=True, assigned_organisation_name="")
                ),
                name="help_at_most_one_handler",
                violation_error_message=_("A request has at most one handler."),
            ),
            models.CheckConstraint(
                condition=~Q(state__in=HANDLED_STATES)
                | Q(assigned_staff__isnull=False)
                | Q(assigned_volunteer__isnull=False)
                | ~Q(assigned_organisation_name=""),
                name="help_handled_has_handler",
            ),
            models.CheckConstraint(
                condition=Q(assigned_organisation__isnull=True) | ~Q(assigned_organisation_name=""),
                name="help_organisation_has_name",
            ),
            models.CheckConstraint(
                condition=~Q(state=HelpState.DUPLICATE) | Q(duplicate_of__isnull=False),
                name="help_duplicate_has_original",
            ),
            models.CheckConstraint(condition=~Q(duplicate_of=F("pk")), name="help_not_duplicate_of_itself"),
            models.CheckConstraint(
                condition=~Q(requester_name="") & Q(requester_phone__regex=r"^1[3-9][0-9]{9}$"),
                name="help_requester_contact",
                violation_error_message=_("A request needs the requester's name and mobile number."),
            ),
            models.CheckConstraint(
                condition=~Q(is_public=True, is_sensitive=True), name="help_sensitive_never_public"
            ),
            # One request per diary entry: a double submit of the conversion cannot make a second one.
            models.UniqueConstraint(
                fields=["source_diary_entry"],
                condition=Q(source_diary_entry__isnull=False),
                name="help_one_request_per_diary_entry",
                violation_error_message=_("This diary entry has already been turned into a help request."),
            ),
            models.UniqueConstraint(
                fields=["tracking_token_hash"],
                condition=Q(tracking_token_hash__isnull=False),
                name="help_tracking_token_unique",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.summary}" if self.pk else self.summary

    def get_absolute_url(self):
        return reverse("help:detail", args=[self.pk]) if self.author_id else ""

    # --- handler -----------------------------------------------------------------------------------

    @property
    def handler_kind(self) -> str | None:
        if self.assigned_staff_id:
            return HandlerKind.STAFF
        if self.assigned_volunteer_id:
            return HandlerKind.VOLUNTEER
        if self.assigned_organisation_name:
            return HandlerKind.ORGANISATION
        return None

    @property
    def handler_display(self) -> str:
        if self.assigned_staff_id:
            return str(self.assigned_staff)
        if self.assigned_volunteer_id:
            return str(self.assigned_volunteer)
        return self.assigned_organisation_name

    def handler_user_ids(self) -> set[int]:
        return {pk for pk in (self.assigned_staff_id, self.assigned_volunteer_id) if pk}

    # --- deadlines ---------------------------------------------------------------------------------

    def is_response_overdue(self, now=None) -> bool:
        now = now or clock.now()
        return (
            self.state in AWAITING_RESPONSE
            and self.response_due_at is not None
            and now > self.response_due_at
        )

    def is_resolution_overdue(self, now=None) -> bool:
        now = now or clock.now()
        return (
            self.state in AWAITING_RESOLUTION
            and self.resolution_due_at is not None
            and now > self.resolution_due_at
        )

    def is_overdue(self, now=None) -> bool:
        return self.is_response_overdue(now) or self.is_resolution_overdue(now)

    def may_still_reopen(self, now=None) -> bool:
        last = self.closed_at or self.resolved_at
        return last is not None and (now or clock.now()) <= last + REOPEN_WINDOW

    # --- transitions (perform_transition passes actor and comment) ---------------------------------
    # Transitions whose target needs more than a comment (handler, original, rating) find it already saved
    # on the row by the service in the same transaction; database constraints refuse the state without it.

    approve = None  # accepting leads to "accepted", see `accept`
    return_for_changes = None  # nothing to return: a visitor cannot edit a request

    @transition(
        field="state",
        source=HelpState.DRAFT,
        target=HelpState.SUBMITTED,
        permission=may_submit,
        custom={"label": _("Submit"), "actor": AUTHOR, "comment_required": False},
    )
    def submit(self, *, actor=None, comment=""):
        self.submitted_at = clock.now()
        self.response_due_at = self.submitted_at + timedelta(hours=self.category.response_hours)
        self.resolution_due_at = self.submitted_at + timedelta(days=self.category.resolution_days)

    def _responded(self):
        self.responded_at = self.responded_at or clock.now()

    @transition(
        field="state",
        source=HelpState.SUBMITTED,
        target=HelpState.ACCEPTED,
        permission=reviewer_may,
        custom={"label": _("Accept"), "actor": REVIEWER, "comment_required": False},
    )
    def accept(self, *, actor=None, comment=""):
        self._responded()

    @transition(
        field="state",
        source=HelpState.SUBMITTED,
        target=HelpState.REJECTED,
        permission=reviewer_may,
        custom={"label": _("Do not accept"), "actor": REVIEWER, "comment_required": True},
    )
    def reject(self, *, actor=None, comment=""):
        self._responded()

    @transition(
        field="state",
        source=[HelpState.SUBMITTED, HelpState.ACCEPTED],
        target=HelpState.DUPLICATE,
        permission=reviewer_may,
        custom={"label": _("Mark as duplicate"), "actor": REVIEWER, "comment_required": False},
    )
    def mark_duplicate(self, *, actor=None, comment=""):
        self._responded()

    @transition(
        field="state",
        source=[HelpState.ACCEPTED, HelpState.ASSIGNED, HelpState.IN_PROGRESS],
        target=HelpState.ASSIGNED,
        permission=reviewer_may,
        custom={"label": _("Assign"), "actor": REVIEWER, "comment_required": False},
    )
    def assign(self, *, actor=None, comment=""):
        self.assigned_at = clock.now()

    @transition(
        field="state",
        source=HelpState.ASSIGNED,
        target=HelpState.IN_PROGRESS,
        permission=may_handle,
        custom={"label": _("Start handling"), "actor": REVIEWER, "comment_required": False},
    )
    def start(self, *, actor=None, comment=""):
        pass

    @transition(
        field="state",
        source=HelpState.IN_PROGRESS,
        target=HelpState.RESOLVED,
        permission=may_handle,
        custom={"label": _("Resolve"), "actor": REVIEWER, "comment_required": True},
    )
    def resolve(self, *, actor=None, comment=""):
        self.resolved_at = clock.now()
        self.resolution_note = comment

    @transition(
        field="state",
        source=HelpState.RESOLVED,
        target=HelpState.CLOSED,
        permission=requester_may,
        custom={"label": _("Confirm and rate"), "actor": AUTHOR, "comment_required": False},
    )
    def close(self, *, actor=None, comment=""):
        self.closed_at = clock.now()

    @transition(
        field="state",
        source=[HelpState.RESOLVED, HelpState.CLOSED],
        target=HelpState.IN_PROGRESS,
        permission=requester_may,
        conditions=[_within_reopen_window],
        custom={"label": _("Reopen"), "actor": AUTHOR, "comment_required": True},
    )
    def reopen(self, *, actor=None, comment=""):
        # The rating belonged to the resolution that did not hold; a new one comes with the next closing.
        self.rating = None
        self.closed_at = None

    @transition(
        field="state",
        source="*",
        target=HelpState.WITHDRAWN,
        permission=requester_may,
        conditions=[lambda instance: instance.state in instance.open_states],
        custom={"label": _("Withdraw"), "actor": AUTHOR, "comment_required": False},
    )
    def withdraw(self, *, actor=None, comment=""):
        pass
