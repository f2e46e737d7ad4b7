from django.apps import AppConfig, apps
from django.db.models.signals import post_save


def bump_unless_draft_save(sender, update_fields=None, **kwargs):
    """Signal receiver: a page saved in full (published, or changed in code) may show
    differently to visitors. Draft saves and autosaves only write a few columns and
    leave the live page as it was, so they keep the cached fragments."""
    from home.cache import bump_content_generation

    if update_fields is None:
        bump_content_generation()


class ArticlesConfig(AppConfig):
    """Health articles and press releases."""

    name = "articles"

    def ready(self):
        from wagtail.models import PageViewRestriction

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
        # Cached article fragments show these lists and rows, and leave out private
        # pages: any change to them must reach visitors.
        invalidate_fragments_on_change(
            ArticlePageAuthor,
            ArticleReference,
            Topic,
            Boilerplate,
            MediaContact,
            PageViewRestriction,
        )
        # Bylines and expert quotes show providers' names and photos.
        provider_page = apps.get_model("providers", "ProviderPage")
        for model in (
            ArticleIndexPage,
            ArticlePage,
            NewsroomPage,
            PressReleasePage,
            provider_page,
        ):
            post_save.connect(
                bump_unless_draft_save,
                sender=model,
                dispatch_uid=f"articles-fragments-{model._meta.label_lower}",
            )
