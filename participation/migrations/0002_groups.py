"""The work groups of standard 5.1.1, the resident and grid-worker groups, their admin access, images and
documents, and their permissions on the core's models. Each flow's own migration grants its models'
permissions (participation.migration_grants). Page permissions are per community, on each community's groups."""

from django.db import migrations

from participation.migration_grants import all_actions, ensure_permissions, grant_permissions

IMAGES = ("add_image", "change_image", "choose_image")
DOCUMENTS = ("add_document", "change_document", "choose_document")
GROUPS = {
    "新闻宣传组": {"admin": True, "images": IMAGES, "documents": DOCUMENTS},
    "综合协调组": {"admin": True, "images": IMAGES, "documents": DOCUMENTS},
    "建设运行组": {
        "admin": True,
        "images": ("add_image", "choose_image"),
        "documents": ("add_document", "choose_document"),
    },
    "效果评价组": {"admin": True, "images": ("choose_image",), "documents": ("choose_document",)},
    # 网格员 keep the 民情日记 of their grid (表1 task 23); not one of the four work groups.
    "网格员": {"admin": True, "images": (), "documents": ()},
    "居民": {"admin": False, "images": (), "documents": ()},
}
CORE_GRANTS = {
    # The community profile and its grids and households; residents' full numbers in exports.
    "综合协调组": [
        "view_community",
        "change_community",
        *all_actions("grid", "household"),
        "view_resident_contact",
    ],
    "建设运行组": ["view_grid", "add_household", "change_household", "view_household"],
    "网格员": ["view_grid", "add_household", "change_household", "view_household"],
    "效果评价组": ["view_community"],
}


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if spec["admin"]:
            group.permissions.add(access_admin)
        if root_collection is None:
            continue
        for app_label, codenames in (("wagtailimages", spec["images"]), ("wagtaildocs", spec["documents"])):
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
        grant_permissions("participation", CORE_GRANTS),
    ]
