"""Marketing editors may open the SEO report and the not-found log, and turn a
not-found address into a redirect."""

from django.db import migrations

MARKETING_EDITORS = "Marketing editors"
GRANTS = [
    ("seo", "notfoundpath", "view_seo_report", "Can view the SEO report"),
    ("seo", "notfoundpath", "view_notfoundpath", "Can view not-found path"),
    ("wagtailredirects", "redirect", "add_redirect", "Can add redirect"),
    ("wagtailredirects", "redirect", "change_redirect", "Can change redirect"),
    ("wagtailredirects", "redirect", "delete_redirect", "Can delete redirect"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=MARKETING_EDITORS)
    for app_label, model, codename, name in GRANTS:
        # Permissions of new models are created after migrations: make them now.
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MARKETING_EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="seo",
                codename__in=["view_seo_report", "view_notfoundpath"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("seo", "0001_not_found_paths"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
