"""Health education articles, written and medically reviewed by our providers, and the
"Learn" index that lists them."""

import calendar
import math

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import ArticleBodyStreamBlock
from articles.feeds import ArticleFeed
from articles.jsonld import article_json_ld
from articles.models.sections import (
    SectionChildMixin,
    SectionIndexPage,
    slug_from_query,
)
from articles.models.snippets import Topic
from articles.permissions import ArticleSectionPermissionsMixin
from home.listings import attach_listing_images, on_same_site
from home.models import BasePage, optional_image
from home.visibility import public_pages

WORDS_PER_MINUTE = 200
RELATED_ARTICLES = 3


def one_year_after(day):
    """The same date a year later (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def last_review_due_by(day):
    """The latest last-review date whose default next review falls on or before
    `day`: the inverse of one_year_after."""
    if (day.month, day.day) == (2, 28) and calendar.isleap(day.year - 1):
        return day.replace(year=day.year - 1, day=29)
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


class ArticleIndexPage(ArticleSectionPermissionsMixin, SectionIndexPage):
    """The 'Learn' section: every health article, newest first, filterable by topic."""

    featured_article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown large at the top of the list. Leave empty to feature the "
        "newest article.",
    )

    subpage_types = ["articles.ArticlePage"]
    child_select_related = ("medical_reviewer",)
    feed_class = ArticleFeed

    content_panels = SectionIndexPage.content_panels + [FieldPanel("featured_article")]

    class Meta:
        verbose_name = "article index page"

    @property
    def child_page_type(self):
        return ArticlePage

    def requested_filters(self, request):
        return [("topic", slug_from_query(request, "topic"))]

    def listing(self, request):
        articles = self.live_children()
        topics = list(Topic.objects.filter(article_pages__in=articles).distinct())
        topic_slug = slug_from_query(request, "topic")
        topic = next((item for item in topics if item.slug == topic_slug), None)
        featured = None
        if topic is not None:
            articles = articles.filter(topics=topic)
        elif topic_slug:
            articles = articles.none()
        else:
            featured = self.live_featured_article(articles)
            if featured is not None:
                articles = articles.exclude(pk=featured.pk)
        page_obj = self.paginate(articles, request)
        if page_obj.number > 1:
            featured = None
        page_obj.object_list = list(page_obj.object_list)
        attach_listing_images(
            [*([featured] if featured else []), *page_obj.object_list]
        )
        return {
            "topics": topics,
            "topic": topic,
            "unknown_topic": bool(topic_slug) and topic is None,
            "featured": featured,
            "page_obj": page_obj,
            "query_prefix": f"topic={topic.slug}&" if topic else "",
        }

    def feed_items(self):
        return (
            super()
            .feed_items()
            .prefetch_related(
                Prefetch(
                    "authors",
                    queryset=ArticlePageAuthor.objects.select_related("provider"),
                ),
                "topics",
            )
        )

    def live_featured_article(self, articles):
        """The editor's featured article if visitors can see it, else the newest."""
        if self.featured_article_id:
            chosen = articles.filter(pk=self.featured_article_id).first()
            if chosen is not None:
                return chosen
        return articles.first()


class ArticlePage(ArticleSectionPermissionsMixin, SectionChildMixin, BasePage):
    """A health article by our providers, medically reviewed before it goes live."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences on what the reader will learn. Shown under the "
        "title, in lists and to search engines.",
    )
    hero_image = optional_image(
        "A calm, wide photo for the top of the article and for links shared on "
        "social media. Set its description in the image library."
    )
    body = StreamField(
        ArticleBodyStreamBlock(),
        help_text="The article itself. Start with key takeaways, use level 2 headings "
        "for sections, and add expert quotes and safety callouts where they help.",
    )
    medical_reviewer = models.ForeignKey(
        "providers.ProviderPage",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="The clinician who checks this article is accurate and safe. Needed "
        "before the article can be submitted or published.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=False,
        help_text="The day the medical reviewer checked the whole article (they can "
        "correct it when they approve). Shown in the byline; needed before the "
        "article can be submitted or published.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to review again one year after the last review. Set a "
        "date only for an earlier (or later) check. Articles due within 30 days are "
        "listed on the dashboard.",
    )
    topics = ParentalManyToManyField(
        "articles.Topic",
        blank=True,
        related_name="article_pages",
        help_text="Visitors can filter articles by topic; related articles share one.",
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    seo_image_sources = ["og_image", "hero_image"]
    listing_image_field = "hero_image"
    medical_review_required = True
    plain_language_required = True

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel(
                    "authors",
                    label="Author",
                    heading="Authors",
                    min_num=1,
                    help_text="The providers who wrote this article, in byline order.",
                ),
                FieldPanel("medical_reviewer", widget=forms.Select),
                FieldRowPanel(
                    [FieldPanel("last_reviewed"), FieldPanel("next_review_due")]
                ),
            ],
            heading="Authors and medical review",
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "references",
            label="Reference",
            heading="References",
            help_text="The sources the article relies on, in the order it cites them.",
        ),
    ]

    class Meta:
        verbose_name = "article page"

    def validation_errors(self):
        errors = super().validation_errors()
        today = timezone.localdate()
        if self.last_reviewed and self.last_reviewed > today:
            errors["last_reviewed"] = "A review date cannot be in the future."
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = "The next review must come after the last one."
        return errors

    @property
    def review_due(self):
        """When the article should next be reviewed: the editor's date, else a year
        after the last review (so a new review moves it on by itself)."""
        if self.next_review_due:
            return self.next_review_due
        return one_year_after(self.last_reviewed) if self.last_reviewed else None

    @cached_property
    def author_providers(self):
        """The providers who wrote the article, in byline order."""
        authorships = self.authors.all()
        if "authors" not in getattr(self, "_prefetched_objects_cache", {}):
            # Their clinics are named in the article's structured data.
            authorships = authorships.select_related("provider").prefetch_related(
                "provider__locations"
            )
        # A provider added twice by mistake is named once.
        return list(
            {row.provider: None for row in authorships if row.provider is not None}
        )

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def reference_list(self):
        return list(self.references.all())

    @cached_property
    def reading_minutes(self):
        text = " ".join(self.body.stream_block.get_searchable_content(self.body))
        words = len(text.split()) + len(self.summary.split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def related_articles(self):
        """Up to three other live articles of this site sharing a topic, newest
        first."""
        topic_ids = [topic.pk for topic in self.topic_list]
        if not topic_ids:
            return []
        sharing_a_topic = ArticlePage.topics.through.objects.filter(
            topic_id__in=topic_ids
        ).values("articlepage_id")
        related = (
            on_same_site(public_pages(ArticlePage.objects.all()), self)
            .filter(pk__in=sharing_a_topic)
            .exclude(pk=self.pk)
            .defer_streamfields()
            .select_related("medical_reviewer")
            .order_by("-first_published_at", "-pk")[:RELATED_ARTICLES]
        )
        return attach_listing_images(list(related))

    def main_json_ld(self, request):
        return article_json_ld(self, request)


class ArticlePageAuthor(Orderable):
    """One author in an article's byline."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    provider = models.ForeignKey(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        related_name="article_authorships",
        help_text="A provider who wrote or co-wrote the article.",
    )

    panels = [FieldPanel("provider", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = "author"

    def __str__(self):
        return self.provider.title


class ArticleReference(Orderable):
    """A source an article cites: a study, a guideline or an official notice."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(
        max_length=300,
        help_text="The title of the study or document, as published.",
    )
    source = models.CharField(
        max_length=200,
        help_text="Where and when it was published, e.g. 'JAMA Psychiatry, 2014' or "
        "'U.S. Food and Drug Administration, 2019'.",
    )
    url = models.URLField(
        "web address",
        max_length=500,
        blank=True,
        help_text="A stable link, ideally the DOI, e.g. 'https://doi.org/10.1001/...'.",
    )

    panels = [FieldPanel("title"), FieldPanel("source"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "reference"

    def __str__(self):
        return f"{self.title} ({self.source})"
