"""The "Articles by ..." and "Articles reviewed by ..." sections of provider pages."""

from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string

from home.visibility import public_pages

ARTICLES_PER_SECTION = 10


def provider_articles(provider):
    """(written, reviewed): the live articles this provider wrote and those they
    reviewed, newest first, from one query."""
    from articles.models import ArticlePage, ArticlePageAuthor

    authorships = ArticlePageAuthor.objects.filter(provider=provider)
    articles = (
        public_pages(ArticlePage.objects.all(), provider.get_site())
        .filter(Q(pk__in=authorships.values("page_id")) | Q(medical_reviewer=provider))
        .annotate(written_by_provider=Exists(authorships.filter(page=OuterRef("pk"))))
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    written, reviewed = [], []
    for article in articles:
        if article.written_by_provider:
            written.append(article)
        if article.medical_reviewer_id == provider.pk:
            reviewed.append(article)
    return written[:ARTICLES_PER_SECTION], reviewed[:ARTICLES_PER_SECTION]


def provider_articles_section(provider, request):
    """The provider page's article sections as HTML, or '' when there are none."""
    written, reviewed = provider_articles(provider)
    if not written and not reviewed:
        return ""
    return render_to_string(
        "articles/includes/provider_articles.html",
        {
            "provider": provider,
            "written": written,
            "reviewed": reviewed,
            "request": request,
        },
    )
