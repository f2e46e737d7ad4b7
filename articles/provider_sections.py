"""The "Articles by ..." and "Articles reviewed by ..." sections of provider pages."""

from django.template.loader import render_to_string

from home.visibility import public_pages

ARTICLES_PER_SECTION = 10


def provider_articles(provider):
    """(written, reviewed): the newest ARTICLES_PER_SECTION live articles this provider
    wrote, and those they reviewed; two queries, each reading only what it shows."""
    from articles.models import ArticlePage, ArticlePageAuthor

    articles = (
        public_pages(ArticlePage.objects.all(), provider.get_site())
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    authorships = ArticlePageAuthor.objects.filter(provider=provider)
    written = articles.filter(pk__in=authorships.values("page_id"))
    reviewed = articles.filter(medical_reviewer=provider)
    return (
        list(written[:ARTICLES_PER_SECTION]),
        list(reviewed[:ARTICLES_PER_SECTION]),
    )


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
