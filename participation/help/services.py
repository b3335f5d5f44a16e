"""Every write of 人人解忧铺 a user can cause. Keyword-only; each one transaction.

State changes go through workflows.services.perform_transition only. A transition that needs more than a
comment (the handler, the original of a duplicate, the rating) first stores that on the locked row, in the same
transaction; the transition's condition checks it is there, and a refusal rolls both back."""

import secrets
from functools import partial

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from participation.grids.models import DiaryEntry
from participation.help import notifications, selectors
from participation.help.models.categories import HelpCategory
from participation.help.models.requests import HelpRequest, HelpState, IntakeChannel
from participation.help.rules import TrackingVisitor, may_view_requests
from participation.mobile import normalize_mobile
from participation.models import Community, Grid, User
from participation.registries.models import SocialOrganisation
from participation.services import attach_photos
from workflows.exceptions import AlreadyHandled, Forbidden, Invalid, TransitionForbidden, WorkflowError
from workflows.selectors import transition_logs_for
from workflows.services import perform_transition, user_may_ever_take


class InvalidRating(WorkflowError):
    default_message = _("Please rate with a whole number from 1 to 5.")


class ReopenWindowClosed(WorkflowError):
    default_message = _(
        "This request was resolved more than 30 days ago and can no longer be reopened. "
        "If the problem is back, please submit a new request."
    )


class InvalidHandler(WorkflowError):
    default_message = _("Choose exactly one handler: a staff member, a volunteer or a social organisation.")


class InvalidOriginal(WorkflowError):
    default_message = _("The original must be another request of the same community.")


def _require(value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(message, code="required")
    return value


@transaction.atomic
def submit_request(
    *,
    community: Community,
    category: HelpCategory,
    summary: str,
    description: str,
    requester: User | None = None,
    name: str = "",
    phone: str = "",
    is_public: bool = False,
    is_sensitive: bool = False,
    images=(),
    entered_by: User | None = None,
    channel: str = IntakeChannel.ONLINE,
    grid: Grid | None = None,
    source_diary_entry: DiaryEntry | None = None,
) -> tuple[HelpRequest, str | None]:
    """A new request, submitted at once. Returns it and, for a requester without an account, the tracking
    token (shown once; only its hash is stored). Raises ValidationError (Chinese) and saves nothing.

    `grid` is chosen by staff entering it; otherwise it is the grid of the requester's household (in this
    community). It routes the request to the grid's worker on acceptance (see `accept`)."""
    if category.community_id != community.pk or not category.is_active:
        raise Invalid(_("Choose one of this community's categories."), code="category")
    if grid is None and requester is not None:
        household = requester.household
        if household is not None and household.community_id == community.pk:
            grid = household.grid
    if grid is not None and grid.community_id != community.pk:
        raise Invalid(_("The grid belongs to another community."), code="grid")
    summary = _require(summary, _("Please give a short summary."))
    if len(summary) > 80:
        raise Invalid(_("The summary may be at most 80 characters."), code="summary")
    description = _require(description, _("Please describe what you need help with."))
    token = None
    if requester is not None:
        name = requester.display_name or requester.mobile
        phone = requester.mobile
    else:
        name = _require(name, _("Please give your name so that staff can contact you."))
        phone = normalize_mobile(
            _require(phone, _("Please give your mobile number so that staff can contact you."))
        )
        token = secrets.token_urlsafe(24)
    request = HelpRequest.objects.create(
        community=community,
        category=category,
        summary=summary,
        description=description,
        author=requester,
        requester_name=name[:50],
        requester_phone=phone,
        entered_by=entered_by,
        channel=channel,
        grid=grid,
        source_diary_entry=source_diary_entry,
        is_sensitive=is_sensitive,
        is_public=is_public and not is_sensitive,  # sensitive requests are never public
        tracking_token_hash=selectors.hash_token(token) if token else None,
    )
    attach_photos(item=request, images=images, uploaded_by=requester or entered_by)
    actor = entered_by or requester or TrackingVisitor(request.pk)
    request = _take(request=request, transition="submit", actor=actor)
    return request, token


def visitor_for_token(*, token: str) -> tuple[HelpRequest, TrackingVisitor] | None:
    request = selectors.request_for_token(token=token)
    return (request, TrackingVisitor(request.pk)) if request is not None else None


def _take(*, request: HelpRequest, transition: str, actor, comment: str = "", prepare=None) -> HelpRequest:
    """perform_transition, after `prepare(locked)` stored what the transition needs; then the extra
    notifications (handler, followers) after commit."""
    with transaction.atomic():
        if not user_may_ever_take(obj=request, transition=transition, user=actor):
            raise TransitionForbidden()
        if prepare is not None:
            locked = HelpRequest.objects.select_for_update().get(pk=request.pk)
            if locked.state != request.state:
                raise AlreadyHandled()
            fields = prepare(locked)
            locked.save(update_fields=[*fields, "updated_at"])
            request = locked
        updated = perform_transition(obj=request, transition=transition, actor=actor, comment=comment)
        log = transition_logs_for(obj=updated).last()
        transaction.on_commit(partial(notifications.notify_handler_and_followers, log_id=log.pk), robust=True)
    return updated


def take_transition(*, request: HelpRequest, transition: str, actor, comment: str = "") -> HelpRequest:
    """Transitions that need nothing but an optional comment: accept (with its default routing), reject,
    start, withdraw."""
    if transition == "accept":
        return accept(request=request, actor=actor, comment=comment)
    if transition not in {"reject", "start", "withdraw"}:
        raise WorkflowError()
    return _take(request=request, transition=transition, actor=actor, comment=comment)


def accept(
    *, request: HelpRequest, actor, comment: str = "", route_to_grid_worker: bool = True
) -> HelpRequest:
    """Triage (受理) stays with the coordination group. Accepting a request whose grid has a worker who may
    handle it also assigns it to them, in the same transaction: the timeline shows both steps, the worker is
    told as any handler, and staff may still reassign it. `route_to_grid_worker=False` leaves it accepted for
    the coordinator to assign by hand."""
    with transaction.atomic():
        accepted = _take(request=request, transition="accept", actor=actor, comment=comment)
        worker = selectors.default_handler_for(request=accepted) if route_to_grid_worker else None
        if worker is None:
            return accepted
        note = _("Assigned by default to the worker of %(grid)s.") % {"grid": accepted.grid.name}
        return assign(request=accepted, actor=actor, staff=worker, comment=str(note))


def assign(
    *,
    request: HelpRequest,
    actor,
    staff: User | None = None,
    volunteer: User | None = None,
    organisation: SocialOrganisation | None = None,
    comment: str = "",
) -> HelpRequest:
    if sum(kind is not None for kind in (staff, volunteer, organisation)) != 1:
        raise InvalidHandler()
    if (
        staff is not None
        and not selectors.staff_handlers_for(community_id=request.community_id).filter(pk=staff.pk).exists()
    ):
        raise InvalidHandler(_("The staff member must work in this request's community."))
    if volunteer is not None:
        if volunteer.pk == request.author_id:
            raise InvalidHandler(_("The requester cannot handle their own request."))
        if not selectors.volunteers_for(community_id=request.community_id).filter(pk=volunteer.pk).exists():
            raise InvalidHandler(_("The volunteer must be a resident of this request's community."))
    if (
        organisation is not None
        and not selectors.organisations_for(community_id=request.community_id)
        .filter(pk=organisation.pk)
        .exists()
    ):
        raise InvalidHandler(_("The social organisation must be an active one of this community's registry."))

    def prepare(locked):
        locked.assigned_staff = staff
        locked.assigned_volunteer = volunteer
        # The registry entry, and its name and contact as they are now (see the model).
        locked.assigned_organisation = organisation
        contact = (organisation.contact_name, organisation.contact_phone) if organisation else ()
        locked.assigned_organisation_name = organisation.name[:100] if organisation else ""
        locked.assigned_organisation_contact = " ".join(filter(None, contact))[:100]
        return [
            "assigned_staff",
            "assigned_volunteer",
            "assigned_organisation",
            "assigned_organisation_name",
            "assigned_organisation_contact",
        ]

    return _take(request=request, transition="assign", actor=actor, comment=comment, prepare=prepare)


def mark_duplicate(*, request: HelpRequest, actor, original: HelpRequest, comment: str = "") -> HelpRequest:
    if not selectors.duplicate_candidates(request=request).filter(pk=original.pk).exists():
        raise InvalidOriginal()

    def prepare(locked):
        locked.duplicate_of = original
        return ["duplicate_of"]

    return _take(request=request, transition="mark_duplicate", actor=actor, comment=comment, prepare=prepare)


def resolve(*, request: HelpRequest, actor, note: str, images=()) -> HelpRequest:
    with transaction.atomic():
        updated = _take(request=request, transition="resolve", actor=actor, comment=note)
        attach_photos(item=updated, images=images, uploaded_by=actor if actor.is_authenticated else None)
    return updated


def confirm_and_rate(*, request: HelpRequest, actor, rating, comment: str = "") -> HelpRequest:
    """The requester confirms the resolution and rates it (1–5): the request is closed."""
    if not user_may_ever_take(obj=request, transition="close", user=actor):
        raise TransitionForbidden()
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        raise InvalidRating() from None
    if not 1 <= rating <= 5:
        raise InvalidRating()

    def prepare(locked):
        locked.rating = rating
        return ["rating"]

    return _take(request=request, transition="close", actor=actor, comment=comment, prepare=prepare)


def reopen(*, request: HelpRequest, actor, reason: str) -> HelpRequest:
    if not user_may_ever_take(obj=request, transition="reopen", user=actor):
        raise TransitionForbidden()
    if request.state in (HelpState.RESOLVED, HelpState.CLOSED) and not request.may_still_reopen():
        raise ReopenWindowClosed()
    return _take(request=request, transition="reopen", actor=actor, comment=reason)


_UNCHANGED = object()


@transaction.atomic
def update_details(
    *, request: HelpRequest, actor: User, category: HelpCategory, is_sensitive: bool, grid=_UNCHANGED
) -> HelpRequest:
    """Staff correct the category or the grid, or mark a request sensitive (which also takes it off the public
    list). The deadlines stay those fixed at submission; a new grid routes only requests not yet accepted."""
    if not may_view_requests.test(actor, request):
        raise Forbidden
    if category.community_id != request.community_id:
        raise Invalid(_("Choose one of this community's categories."), code="category")
    if grid is not _UNCHANGED and grid is not None and grid.community_id != request.community_id:
        raise Invalid(_("The grid belongs to another community."), code="grid")
    locked = HelpRequest.objects.select_for_update().get(pk=request.pk)
    locked.category = category
    locked.is_sensitive = is_sensitive
    if is_sensitive:
        locked.is_public = False
    fields = ["category", "is_sensitive", "is_public", "updated_at"]
    if grid is not _UNCHANGED:
        locked.grid = grid
        fields.append("grid")
    locked.save(update_fields=fields)
    return locked
