from django.apps import AppConfig, apps


class ArticlesConfig(AppConfig):
    """Health articles and press releases."""

    name = "articles"

    def ready(self):
        from articles.models import (
            ArticleIndexPage,
            ArticlePage,
            ArticlePageAuthor,
            ArticleReference,
            Boilerplate,
            MediaContact,
            NewsroomPage,
            PressReleasePage,
            Topic,
        )
        from articles.workflow import connect_section_set_up
        from home.cache import invalidate_fragments_on_change

        connect_section_set_up()
        # Cached article fragments show provider names and photos (bylines, expert
        # quotes) and these lists, so any change to them must reach visitors.
        invalidate_fragments_on_change(
            ArticleIndexPage,
            ArticlePage,
            ArticlePageAuthor,
            ArticleReference,
            NewsroomPage,
            PressReleasePage,
            Topic,
            Boilerplate,
            MediaContact,
            apps.get_model("providers", "ProviderPage"),
        )
