"""The editorial roles: the "Marketing editors" and "Medical reviewers" groups and the
"Medical review" workflow (a group approval task for Medical reviewers).

Marketing editors may add and edit every page, but publish nothing here: publishing
rights for the newsroom, and the workflow on the articles section, are attached to
those pages when they are created (articles.workflow), as they do not exist yet on a
new database. An articles index that already exists is wired up here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MARKETING_EDITORS = "Marketing editors"
MEDICAL_REVIEWERS = "Medical reviewers"
MEDICAL_REVIEW = "Medical review"
MEDICAL_REVIEW_TASK = "Medical reviewer approval"
PERMISSION_APPS = ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "articles")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
REVIEWER_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
)
EDITOR_SNIPPET_MODELS = ("topic", "boilerplate", "mediacontact")


def ensure_permissions_exist(apps):
    # On a new database, permissions are made after all migrations have run.
    for label in PERMISSION_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_editorial_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")

    def permission(app_label, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )

    def grant_pages(group, page, codenames):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission("wagtailcore", codename)
            )

    def grant_collection(group, collection, permissions):
        for app_label, codename in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(app_label, codename),
            )

    editors, _ = Group.objects.get_or_create(name=MARKETING_EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    admin_access = permission("wagtailadmin", "access_admin")
    editors.permissions.add(
        admin_access,
        *(
            permission("articles", f"{action}_{model}")
            for model in EDITOR_SNIPPET_MODELS
            for action in ("add", "change", "delete")
        ),
    )
    reviewers.permissions.add(admin_access)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        grant_pages(editors, root_page, EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        grant_collection(editors, root_collection, EDITOR_COLLECTION_PERMISSIONS)
        grant_collection(reviewers, root_collection, REVIEWER_COLLECTION_PERMISSIONS)

    workflow = Workflow.objects.filter(name=MEDICAL_REVIEW).first()
    if workflow is None:
        task = GroupApprovalTask.objects.create(
            name=MEDICAL_REVIEW_TASK,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
        task.groups.add(reviewers)
        workflow = Workflow.objects.create(name=MEDICAL_REVIEW, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for index in ArticleIndexPage.objects.all():
        page = Page.objects.get(pk=index.pk)
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        grant_pages(reviewers, page, REVIEWER_PAGE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_articles_press_releases_and_snippets"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(create_editorial_roles, migrations.RunPython.noop),
    ]
