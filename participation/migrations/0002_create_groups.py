"""The work groups of standard 5.1.1 and the resident group, with their model permissions (DESIGN.md §2).

Page permissions are not granted here: they are per community, on each community's own groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
IMAGES = ("add_image", "change_image", "choose_image")
DOCUMENTS = ("add_document", "change_document", "choose_document")

GROUPS = {
    "新闻宣传组": {"admin": True, "images": IMAGES, "documents": DOCUMENTS, "model": []},
    "综合协调组": {
        "admin": True,
        "images": IMAGES,
        "documents": DOCUMENTS,
        "model": [
            ("participation", "view_behaviouritem"),
            ("participation", "view_community"),
            ("participation", "change_community"),
        ],
    },
    "建设运行组": {
        "admin": True,
        "images": ("add_image", "choose_image"),
        "documents": ("add_document", "choose_document"),
        "model": [
            ("participation", f"{action}_behaviouritem") for action in ("add", "change", "delete", "view")
        ],
    },
    "效果评价组": {
        "admin": True,
        "images": ("choose_image",),
        "documents": ("choose_document",),
        "model": [("participation", "view_behaviouritem"), ("participation", "view_community")],
    },
    "居民": {"admin": False, "images": (), "documents": (), "model": []},
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations run; make ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if spec["admin"]:
            group.permissions.add(permission(*ACCESS_ADMIN))
        for app_label, codename in spec["model"]:
            group.permissions.add(permission(app_label, codename))
        if root_collection is not None:
            for app_label, codenames in (
                ("wagtailimages", spec["images"]),
                ("wagtaildocs", spec["documents"]),
            ):
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission(app_label, codename)
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

    operations = [migrations.RunPython(create_groups, remove_groups)]
