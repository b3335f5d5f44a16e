"""Read queries of the imports: set-based, a few queries for a whole file rather than some per row."""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef

from participation.models import Community, User
from participation.roles import RESIDENT_GROUP

# Below SQLite's historical limit of 999 parameters per query.
CHUNK = 900


def accounts_by_mobile(*, mobiles: Iterable[str], community: Community) -> dict[str, User]:
    """The existing accounts (residents, staff, anyone) with these mobile numbers, by number. Each carries
    `is_resident` (in the residents' group) and `is_member` (of `community`)."""
    wanted = sorted({mobile for mobile in mobiles if mobile})
    groups = User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=RESIDENT_GROUP)
    memberships = User.communities.through.objects.filter(user_id=OuterRef("pk"), community_id=community.pk)
    found = {}
    for start in range(0, len(wanted), CHUNK):
        accounts = User.objects.filter(mobile__in=wanted[start : start + CHUNK]).annotate(
            is_resident=Exists(groups), is_member=Exists(memberships)
        )
        found.update((account.mobile, account) for account in accounts)
    return found
