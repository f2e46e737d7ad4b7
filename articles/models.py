"""Health education articles and their index."""

from home.models import BaseIndexPage


class ArticleIndexPage(BaseIndexPage):
    """The 'Learn' section: every health article, newest first."""

    subpage_types = []

    class Meta:
        verbose_name = "article index page"
