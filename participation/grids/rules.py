"""Who may see the 民情日记: its contents are personal data (staff who visit and follow up); the evaluation
group sees only the counts per month and grid. Turning a concern into a 解忧铺 request or a 议事厅 topic is
for the staff who keep the diary of the entry's community, and the worker of its grid."""

import rules

from participation.roles import GRID_WORKER_GROUP
from participation.rules import is_admin, is_coordination, is_evaluation, is_operations, same_community

is_grid_worker = rules.is_group_member(GRID_WORKER_GROUP)


@rules.predicate
def works_entry_grid(user, entry) -> bool:
    """The worker of the diary entry's grid."""
    return entry is not None and entry.grid_id is not None and entry.grid.worker_id == user.pk


keeps_diary = is_admin | is_coordination | is_operations | is_grid_worker

rules.add_perm("grids.view_diary_statistics", is_admin | is_evaluation | is_coordination)
rules.add_perm("grids.keep_diary", keeps_diary)
# obj: the DiaryEntry. same_community: the entry's community is one of the user's.
rules.add_perm(
    "grids.convert_diary_entry",
    is_admin | (rules.is_active & rules.is_staff & (keeps_diary | works_entry_grid) & same_community),
)
