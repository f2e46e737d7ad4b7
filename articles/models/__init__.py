"""Health articles and press releases, with the lists editors manage for them."""

from articles.models.articles import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticleReference,
)
from articles.models.press import NewsroomPage, PressReleasePage
from articles.models.snippets import Boilerplate, MediaContact, Topic

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticleReference",
    "Boilerplate",
    "MediaContact",
    "NewsroomPage",
    "PressReleasePage",
    "Topic",
]
