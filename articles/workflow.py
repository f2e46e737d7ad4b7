"""Editorial roles. Marketing editors write and publish everything but health articles,
which go live only when a medical reviewer approves them through the "Medical review"
workflow (articles/permissions.py keeps everyone else from publishing them).

The groups and the workflow come from a data migration (0003). The sections they apply
to are pages that do not exist when migrations run, so each articles index and
newsroom is wired up when it is created (and by load_demo_content)."""

import logging

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from articles.roles import (
    MARKETING_EDITORS,
    MEDICAL_REVIEW,
    MEDICAL_REVIEW_TASK,
    MEDICAL_REVIEWERS,
)

logger = logging.getLogger(__name__)

# What medical reviewers may do in the articles section (editors get none of
# "publish" there: with it, Wagtail would let them publish without review).
REVIEWER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
EDITOR_NEWSROOM_PERMISSIONS = ("publish_page",)


def medical_review_workflow():
    """The 'Medical review' workflow; recreated, with its approval task for the
    Medical reviewers group, if someone deleted it."""
    workflow = Workflow.objects.filter(name=MEDICAL_REVIEW).first()
    if workflow is not None:
        return workflow
    logger.warning("The '%s' workflow was missing; creating it again.", MEDICAL_REVIEW)
    reviewers, _ = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
    workflow = Workflow.objects.create(name=MEDICAL_REVIEW, active=True)
    task = GroupApprovalTask.objects.create(name=MEDICAL_REVIEW_TASK, active=True)
    task.groups.add(reviewers)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def grant_page_permissions(group_name, page, codenames):
    """Give a group these page permissions on `page` and everything below it."""
    group, _ = Group.objects.get_or_create(name=group_name)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    )
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def attach_medical_review(index_page):
    """Put an articles section under the Medical review workflow (unless an
    administrator already chose a workflow for it) and let reviewers work there."""
    WorkflowPage.objects.get_or_create(
        page=index_page, defaults={"workflow": medical_review_workflow()}
    )
    grant_page_permissions(MEDICAL_REVIEWERS, index_page, REVIEWER_PAGE_PERMISSIONS)


def let_editors_publish_press_releases(newsroom):
    """Marketing editors publish press releases themselves, without review."""
    grant_page_permissions(MARKETING_EDITORS, newsroom, EDITOR_NEWSROOM_PERMISSIONS)


def set_up_new_section(sender, instance, created, raw=False, **kwargs):
    """Signal receiver: wire up an articles index or newsroom when it is created."""
    if raw or not created:
        return
    from articles.models import ArticleIndexPage, NewsroomPage

    if isinstance(instance, ArticleIndexPage):
        attach_medical_review(instance)
    elif isinstance(instance, NewsroomPage):
        let_editors_publish_press_releases(instance)


def connect_section_set_up():
    from articles.models import ArticleIndexPage, NewsroomPage

    for model in (ArticleIndexPage, NewsroomPage):
        post_save.connect(
            set_up_new_section,
            sender=model,
            dispatch_uid=f"articles-set-up-{model._meta.model_name}",
        )
