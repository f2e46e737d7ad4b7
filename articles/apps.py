from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Health articles and press releases."""

    name = "articles"
