"""Who may see the 民情日记: its contents are personal data (staff who visit and follow up); the evaluation
group sees only the counts per month and grid."""

import rules

from participation.roles import GRID_WORKER_GROUP
from participation.rules import is_admin, is_coordination, is_evaluation, is_operations

is_grid_worker = rules.is_group_member(GRID_WORKER_GROUP)

rules.add_perm("participation.view_diary_statistics", is_admin | is_evaluation | is_coordination)
rules.add_perm("participation.keep_diary", is_admin | is_coordination | is_operations | is_grid_worker)
