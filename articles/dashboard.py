"""The admin dashboard's "Medical reviews due" panel."""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

REVIEW_WARNING = datetime.timedelta(days=30)


def articles_due_for_review(user, today=None):
    """Live articles whose next review is overdue or within 30 days, soonest first,
    among those this user may edit."""
    from articles.models import ArticlePage
    from articles.models.articles import last_review_due_by

    limit = (today or timezone.localdate()) + REVIEW_WARNING
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    due = (
        ArticlePage.objects.live()
        .filter(
            Q(next_review_due__lte=limit)
            | Q(
                next_review_due__isnull=True,
                last_reviewed__lte=last_review_due_by(limit),
            )
        )
        .filter(pk__in=editable.values("pk"))
        .select_related("medical_reviewer")
        .defer_streamfields()
    )
    return sorted(due, key=lambda article: (article.review_due, article.title))


class MedicalReviewsDuePanel(Component):
    """Lists the articles a clinician should check again soon, with edit links."""

    name = "medical_reviews_due"
    template_name = "articles/admin/medical_reviews_due_panel.html"
    order = 205  # just above Wagtail's "Awaiting your review"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "articles": articles_due_for_review(self.request.user, today),
            "today": today,
        }
