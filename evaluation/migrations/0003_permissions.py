"""The work groups' permissions on evaluation's models. Object-level rules (same community, author only,
four eyes) are in evaluation/rules.py and the workflow core."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

GRANTS = {
    # Draft evidence; coordination also sees the periods.
    "建设运行组": all_actions("taskevidence"),
    "综合协调组": [*all_actions("taskevidence"), "view_evaluationperiod"],
    # Review evidence (transitions need no model permission), define and close periods.
    "效果评价组": [
        "view_taskevidence",
        "add_evaluationperiod",
        "change_evaluationperiod",
        "view_evaluationperiod",
    ],
}


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_construction_tasks"), ("participation", "0002_groups")]

    operations = [grant_permissions("evaluation", GRANTS)]
