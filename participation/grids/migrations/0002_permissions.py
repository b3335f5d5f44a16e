"""Who keeps the 民情日记 in the admin: coordination, operations and the grid workers. The evaluation group
gets no permission on diary entries: it sees only their counts."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

KEEPERS = ["add_diaryentry", "change_diaryentry", "view_diaryentry"]
GRANTS = {"综合协调组": all_actions("diaryentry"), "建设运行组": KEEPERS, "网格员": KEEPERS}


class Migration(migrations.Migration):
    dependencies = [("grids", "0001_initial"), ("participation", "0002_groups")]

    operations = [grant_permissions("grids", GRANTS)]
