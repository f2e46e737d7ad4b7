"""Health articles go live only through "Medical review".

Wagtail's page permissions only add up: "publish" on the site's root (Marketing
editors, Wagtail's own Moderators) reaches the articles section too. Pages there use
`ArticleSectionPermissionTester`, which drops "publish" for anyone who does not
approve the Medical review workflow. Every publishing route of the admin asks the
page's tester (the Publish button and a forged `action-publish` POST, schedule,
unpublish, move, copy with "publish copies", bulk publish, reordering and privacy
settings), so none of them lets an editor publish an article; approving the review
task publishes without asking it (Wagtail's `GroupApprovalTask`)."""

from wagtail.models import GroupApprovalTask, PagePermissionTester

from articles.roles import MEDICAL_REVIEW


def may_publish_articles(user):
    """Whether `user` may publish pages of the articles section directly: superusers,
    and members of a group that approves a task of the "Medical review" workflow
    (the Medical reviewers group). Kept on the user object for the request."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_may_publish_articles", None)
    if cached is None:
        approving_groups = GroupApprovalTask.objects.filter(
            active=True, workflow_tasks__workflow__name=MEDICAL_REVIEW
        ).values("groups")
        cached = user.groups.filter(pk__in=approving_groups).exists()
        user._may_publish_articles = cached
    return cached


class ArticleSectionPermissionTester(PagePermissionTester):
    """Wagtail's tester, without "publish" for users who may not publish articles."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if hasattr(self, "permissions") and not may_publish_articles(user):
            self.permissions.discard("publish")


class ArticleSectionPermissionsMixin:
    """For the page types of the articles section (the index and its articles)."""

    def permissions_for_user(self, user):
        return ArticleSectionPermissionTester(user, self)
