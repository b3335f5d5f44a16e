"""The work groups' permissions on community life (the admin's menus and views ask for them; rules and
community scoping narrow them further). Operations keeps the spaces (5.1.3.2: 公共空间) and reviews clubs;
coordination keeps the service directory; both review bookings. Nobody adds clubs or bookings in the admin:
residents propose them."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

GRANTS = {
    "综合协调组": [
        "view_club",
        "view_clubmembership",
        "view_sharedspace",
        "view_openinghours",
        "view_spacebooking",
        "change_spacebooking",
        *all_actions("servicepoint"),
    ],
    "建设运行组": [
        "view_club",
        "change_club",
        "view_clubmembership",
        *all_actions("sharedspace", "openinghours"),
        "view_spacebooking",
        "change_spacebooking",
        "view_servicepoint",
    ],
    "效果评价组": ["view_club", "view_sharedspace", "view_spacebooking", "view_servicepoint"],
}


class Migration(migrations.Migration):
    dependencies = [("community_life", "0002_booking_no_overlap"), ("participation", "0002_groups")]

    operations = [grant_permissions("community_life", GRANTS)]
