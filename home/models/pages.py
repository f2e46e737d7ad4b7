"""The home page and the general-purpose standard page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.listings import specific_pages_in_order
from home.models.base import BasePage, optional_image
from home.visibility import public_pages


class HomePage(BasePage):
    """The site's front page: a hero, a welcome, featured pages and a call to action."""

    hero_heading = models.CharField(
        max_length=120,
        help_text="The large headline at the top of the home page.",
    )
    hero_image = optional_image(
        "A wide, calm photo behind or beside the headline. Set its "
        "description in the image library: it is read out to screen-reader users."
    )
    intro = models.TextField(
        max_length=600,
        help_text="One or two welcoming sentences under the headline.",
    )
    cta_label = models.CharField(
        "button text",
        max_length=60,
        blank=True,
        default="Request a consultation",
        help_text="The main button on the home page.",
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="button leads to",
        help_text="The page the main button opens. Leave empty to hide the button.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Anything else to show below the featured pages.",
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "articles.ArticleIndexPage",
        "articles.NewsroomPage",
        "locations.LocationIndexPage",
        "providers.ProviderIndexPage",
        "locations.ConsultationFormPage",
    ]
    seo_description_sources = ["search_description", "intro"]
    seo_image_sources = ["og_image", "hero_image"]
    listing_image_field = "hero_image"

    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_image"),
                FieldPanel("intro"),
                FieldPanel("cta_label"),
                PageChooserPanel("cta_page"),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "featured_pages",
            label="Featured page",
            heading="Featured pages",
            max_num=6,
            help_text="Up to six pages shown as cards under the hero, in this order.",
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "home page"

    def live_featured_pages(self):
        """The featured pages that visitors can open, in the editor's order."""
        ids = [item.featured_page_id for item in self.featured_pages.all()]
        return specific_pages_in_order(ids, public_pages(site=self.get_site()))


class HomePageFeaturedPage(Orderable):
    """One card in the home page's featured pages."""

    home_page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_pages"
    )
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A page to highlight. Only published pages are shown.",
    )

    panels = [PageChooserPanel("featured_page")]


class StandardPage(BasePage):
    """A general page such as About us, Privacy policy or Frequently asked questions."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short lead paragraph shown under the title and used in listings.",
    )
    hero_image = optional_image("Optional image at the top of the page.")
    body = StreamField(BodyStreamBlock(), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    seo_description_sources = ["search_description", "intro"]
    seo_image_sources = ["og_image", "hero_image"]
    listing_image_field = "hero_image"

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "standard page"
