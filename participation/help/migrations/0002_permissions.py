"""人人解忧铺: the work groups' permissions (the admin's menus and views ask for them). Coordination triages and
assigns and keeps the categories; operations handles; both enter requests for residents who phone or come in,
and keep the response templates; grid workers see and handle what is routed to their grid. Object-level rules
(participation/help/rules.py) and community scoping narrow these further."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

REQUESTS = ["add_helprequest", "change_helprequest", "view_helprequest"]
GRANTS = {
    "综合协调组": [*all_actions("helpcategory", "responsetemplate"), *REQUESTS],
    "建设运行组": ["view_helpcategory", *all_actions("responsetemplate"), *REQUESTS],
    "网格员": ["view_helprequest", "change_helprequest"],
}


class Migration(migrations.Migration):
    dependencies = [("help", "0001_initial"), ("participation", "0002_groups")]

    operations = [grant_permissions("help", GRANTS)]
