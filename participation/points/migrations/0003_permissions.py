"""The work groups' permissions on points: the operations group keeps the 积分清单 (5.1.3.2) and the rewards,
reviews claims and hands out redemptions; coordination and evaluation see them. Transitions and the award
form follow participation/points/rules.py."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

GRANTS = {
    "建设运行组": [*all_actions("behaviouritem", "reward"), "view_pointsclaim", "view_redemption"],
    "综合协调组": ["view_behaviouritem", "view_pointsclaim", "view_reward", "view_redemption"],
    "效果评价组": ["view_behaviouritem"],
}


class Migration(migrations.Migration):
    dependencies = [("points", "0002_ledger_append_only"), ("participation", "0002_groups")]

    operations = [grant_permissions("points", GRANTS)]
