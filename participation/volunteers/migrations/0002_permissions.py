"""Volunteers: the operations group keeps them and their teams and confirms hours; volunteers register
themselves (or come in by import), so staff edit and deactivate but never add one by hand."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

SEEN = ["view_volunteer", "view_volunteerteam", "view_volunteerhours"]
GRANTS = {
    "建设运行组": [
        "change_volunteer",
        "delete_volunteer",
        "view_volunteer",
        *all_actions("volunteerteam"),
        "view_volunteerhours",
        "change_volunteerhours",
    ],
    "综合协调组": SEEN,
    "效果评价组": SEEN,
}


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial"), ("participation", "0002_groups")]

    operations = [grant_permissions("volunteers", GRANTS)]
