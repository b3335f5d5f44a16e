"""Who may check residents in at activities: operations or coordination staff of the activity's community."""

import rules

from participation.rules import is_admin, is_coordination, is_operations, same_community

may_run_activities = is_admin | ((is_operations | is_coordination) & same_community)

rules.add_rule("activities.check_in_activity", may_run_activities)
rules.add_perm("activities.check_in_activity", may_run_activities)
