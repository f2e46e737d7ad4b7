"""Builders of articles, press releases and their snippets, shared by the tests and
the demo content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

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


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = Topic


class BoilerplateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Boilerplate {n}")
    text = "<p>Test Clinic Group runs clinics across Texas.</p>"

    class Meta:
        model = Boilerplate


class MediaContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Press Officer {n}")
    job_title = "Communications manager"
    email = factory.Sequence(lambda n: f"press{n}@example.com")
    phone = "+15125550199"

    class Meta:
        model = MediaContact


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Learn"
    slug = "learn"

    class Meta:
        model = ArticleIndexPage


class NewsroomPageFactory(wagtail_factories.PageFactory):
    title = "Newsroom"
    slug = "newsroom"

    class Meta:
        model = NewsroomPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "What readers will learn from this article."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Plain words about a health topic.</p>")]
    )
    last_reviewed = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )

    class Meta:
        model = ArticlePage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Press release {n}")
    summary = "What the announcement is about."
    dateline_city = "Austin"
    dateline_state = "Texas"
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>The clinic group announced news today.</p>")]
    )

    class Meta:
        model = PressReleasePage


def build_article(reviewer, authors=(), topics=(), references=(), **kwargs):
    """An unsaved article by `authors` (providers, in byline order), medically
    reviewed by `reviewer`, about `topics`, citing `references` as (title, source,
    url) triples; ready to be added under an article index."""
    article = ArticlePageFactory.build(medical_reviewer=reviewer, **kwargs)
    article.authors = [
        ArticlePageAuthor(provider=provider, sort_order=position)
        for position, provider in enumerate(authors)
    ]
    article.references = [
        ArticleReference(title=title, source=source, url=url, sort_order=position)
        for position, (title, source, url) in enumerate(references)
    ]
    article.topics = list(topics)
    return article
