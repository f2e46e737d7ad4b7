"""The roles that run the site without a superuser (docs/editors.md, "Who may do what").

- Marketing editors publish, unpublish, move and schedule every page; health articles
  still go live only through "Medical review" (articles/permissions.py takes "publish"
  away in the articles section from everyone who does not approve that workflow).
  They edit the menus, the clinic and SEO settings, every snippet, images, documents
  and redirects (granted before), and nothing about consultation requests.
- Site administrators manage users, groups and workflows without being superusers.
- Wagtail's default "Moderators approval" workflow stops covering the whole site: its
  Moderators group is empty, so every page submitted to it waited for nobody. It stays
  available under Settings > Workflows.

It only adds what is missing: what an administrator granted already stays as it is.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MARKETING_EDITORS = "Marketing editors"
SITE_ADMINISTRATORS = "Site administrators"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

PERMISSION_APPS = (
    "auth",
    "home",
    "providers",
    "articles",
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailmenus",
    "wagtailseo",
)
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(
        (app_label, f"{action}_{model}")
        for app_label, model in (
            ("home", "treatment"),
            ("providers", "specialty"),
            ("providers", "condition"),
            ("wagtailmenus", "flatmenu"),
        )
        for action in ("add", "change", "delete")
    ),
    ("wagtailmenus", "change_mainmenu"),
    ("home", "change_clinicsettings"),
    ("wagtailseo", "change_seosettings"),
]
EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
SITE_ADMINISTRATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(
        (app_label, f"{action}_{model}")
        for app_label, model in (
            ("auth", "user"),
            ("auth", "group"),
            ("wagtailcore", "workflow"),
            ("wagtailcore", "task"),
        )
        for action in ("add", "change", "delete")
    ),
    ("auth", "view_user"),
    ("auth", "view_group"),
]


def ensure_permissions_exist(apps):
    # On a new database, Django makes permissions after all migrations have run.
    for label in PERMISSION_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    def permission(app_label, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )

    editors, _ = Group.objects.get_or_create(name=MARKETING_EDITORS)
    editors.permissions.add(*(permission(*pair) for pair in EDITOR_PERMISSIONS))
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root_page,
                permission=permission("wagtailcore", codename),
            )
        WorkflowPage.objects.filter(
            page=root_page, workflow__name=WAGTAIL_DEFAULT_WORKFLOW
        ).delete()
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for pair in EDITOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission(*pair)
            )

    administrators, _ = Group.objects.get_or_create(name=SITE_ADMINISTRATORS)
    administrators.permissions.add(
        *(permission(*pair) for pair in SITE_ADMINISTRATOR_PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_page_noindex"),
        ("articles", "0005_page_noindex"),
        ("locations", "0006_page_noindex_and_coordinate_help"),
        ("providers", "0004_page_noindex"),
        ("seo", "0002_marketing_editors_seo_access"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailmenus", "0023_remove_use_specific"),
        ("wagtailseo", "0004_seosettings_og_image_default"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
