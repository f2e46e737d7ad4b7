"""The "Location managers" group: admin access and what the consultation inbox needs
(see, change the status of, and delete requests, limited in code to the locations
each manager is chosen for). Nothing else."""

from django.db import migrations

GROUP_NAME = "Location managers"
REQUEST_PERMISSIONS = [
    ("view_consultationrequest", "Can view consultation request"),
    ("change_consultationrequest", "Can change consultation request"),
    ("delete_consultationrequest", "Can delete consultation request"),
]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    request_type, _ = ContentType.objects.get_or_create(
        app_label="locations", model="consultationrequest"
    )
    permissions = [access_admin]
    for codename, name in REQUEST_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=request_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0003_consultation_requests"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Those migrations give every group with admin access the right to choose
        # images and documents: run them first so this group keeps only its own.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
