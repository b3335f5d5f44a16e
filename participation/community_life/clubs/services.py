"""Every write about 人人社团 a user can cause; each is one transaction."""

import rules
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.community_life.models import Club, ClubMembership
from participation.models import Community, User
from workflows.exceptions import Forbidden, Invalid
from workflows.models import ReviewState
from workflows.services import perform_transition


class ClubActionRefused(Invalid):
    """A refusal with a message fit for the resident (joining twice, a full club …)."""


CLUB_FIELDS = ("name", "description", "category", "meeting_time", "place", "member_limit", "activities_url")


@transaction.atomic
def propose_club(
    *,
    author: User,
    community: Community,
    name: str,
    description: str,
    category: str,
    meeting_time: str,
    place: str,
    member_limit: int | None = None,
    activities_url: str = "",
) -> Club:
    """A resident proposes a club and submits it to the operations group; they lead it by default."""
    if not rules.has_perm("community_life.propose_club", author, community):
        raise Forbidden
    club = Club.objects.create(
        community=community,
        author=author,
        leader=author,
        name=name.strip(),
        description=description.strip(),
        category=category,
        meeting_time=meeting_time.strip(),
        place=place.strip(),
        member_limit=member_limit,
        activities_url=activities_url,
    )
    return perform_transition(obj=club, transition="submit", actor=author)


@transaction.atomic
def update_club_proposal(*, club: Club, actor: User, submit: bool = True, **fields) -> Club:
    """The author edits a returned (or draft) proposal and, by default, submits it again."""
    locked = Club.objects.select_for_update().get(pk=club.pk)
    if not rules.has_perm("community_life.edit_club_proposal", actor, locked):
        raise Forbidden
    for name in CLUB_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
    locked.save(update_fields=[*[name for name in CLUB_FIELDS if name in fields], "updated_at"])
    if submit:
        return perform_transition(obj=locked, transition="submit", actor=actor)
    return locked


@transaction.atomic
def join_club(*, club: Club, resident: User) -> ClubMembership:
    """Join an approved club of one's own community. The club's row is locked first, so that concurrent
    joins of the last free place line up and only one of them gets it (PostgreSQL; SQLite serialises)."""
    locked = Club.objects.select_for_update().get(pk=club.pk)
    if not rules.has_perm("community_life.join_club", resident, locked):
        if locked.state != ReviewState.APPROVED:
            raise ClubActionRefused(_("This club is not open for members."), code="not_open")
        raise ClubActionRefused(
            _("Only residents of this community can join its clubs."), code="other_community"
        )
    if locked.leader_id == resident.pk:
        raise ClubActionRefused(_("You lead this club already."), code="leader")
    active = ClubMembership.objects.filter(club=locked, left_at__isnull=True)
    if active.filter(resident=resident).exists():
        raise ClubActionRefused(_("You are already a member of this club."), code="already_member")
    if locked.member_limit is not None and active.count() >= locked.member_limit:
        raise ClubActionRefused(
            _("This club is full: it takes at most %(limit)s members."),
            code="full",
            params={"limit": locked.member_limit},
        )
    try:
        with transaction.atomic():
            return ClubMembership.objects.create(club=locked, resident=resident)
    except IntegrityError:
        # A double click that slipped past the check: the unique constraint keeps one membership.
        raise ClubActionRefused(_("You are already a member of this club."), code="already_member") from None


@transaction.atomic
def leave_club(*, club: Club, resident: User) -> ClubMembership:
    membership = (
        ClubMembership.objects.select_for_update()
        .filter(club=club, resident=resident, left_at__isnull=True)
        .first()
    )
    if membership is None:
        raise ClubActionRefused(_("You are not a member of this club."), code="not_member")
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    return membership


def withdraw_club_proposal(*, club: Club, actor: User) -> Club:
    """The author takes back a proposal still under review (the workflow checks who and when)."""
    return perform_transition(obj=club, transition="withdraw", actor=actor)
