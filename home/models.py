"""The foundation every public page builds on: BasePage, the home page, standard pages
and the site-wide settings editors change in Settings."""

import logging

from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index
from wagtailseo import utils as seo_utils
from wagtailseo.models import SeoMixin, SeoSettings

from home.blocks import INLINE_RICH_TEXT, BodyStreamBlock
from home.jsonld import faq_json_ld, json_ld_dumps, organization_id
from home.listings import specific_pages_in_order

logger = logging.getLogger(__name__)

OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"

DEFAULT_CRISIS_TEXT = (
    "<p><b>In crisis or thinking about suicide?</b> Call or text "
    '<a href="tel:988">988</a> to reach the 988 Suicide &amp; Crisis Lifeline, '
    "any time, day or night. In an emergency, call "
    '<a href="tel:911">911</a>.</p>'
)
DEFAULT_DISCLAIMER = (
    "<p>This page is for general education and does not replace advice from your own "
    "clinician. Treatment decisions depend on your health history; please talk with a "
    "qualified provider before starting, stopping or changing any treatment.</p>"
)


class BasePage(SeoMixin, Page):
    """Abstract parent of every public page: SEO, structured data, listing data."""

    # Attribute names tried in order for the page's description and preview image.
    seo_description_sources = ["search_description"]
    seo_image_sources = ["og_image"]
    # The image field shown when this page appears in a listing or a featured card.
    listing_image_field = None

    promote_panels = SeoMixin.seo_panels

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        # wagtail-seo's properties take no request: hand them what the request has
        # already loaded, the SEO settings and (when this page is in it) the site.
        self._seo_settings = SeoSettings.for_request(request)
        site = Site.find_for_request(request)
        url_parts = self.get_url_parts(request)
        if site is not None and url_parts and url_parts[0] == site.pk:
            self._site_cache = site
        return super().get_context(request, *args, **kwargs)

    def get_site(self):
        if not hasattr(self, "_site_cache"):
            self._site_cache = super().get_site()
        return self._site_cache

    @cached_property
    def seo_org_fields(self):
        if getattr(self, "_seo_settings", None) is not None:
            return self._seo_settings
        return SeoSettings.for_site(site=self.get_site())

    @cached_property
    def seo_image(self):
        for attr in self.seo_image_sources:
            image = getattr(self, attr, None)
            if image is not None:
                return image
        return self.seo_org_fields.og_image_default

    @cached_property
    def seo_image_url(self):
        if not self.seo_image:
            return ""
        url = self.seo_image.get_rendition(OG_IMAGE_SPEC).url
        base_url = seo_utils.get_absolute_media_url(self.get_site())
        return seo_utils.ensure_absolute_url(url, base_url)

    @property
    def site_root_url(self):
        site = self.get_site()
        return site.root_url if site else ""

    @property
    def seo_struct_org_base_dict(self):
        data = super().seo_struct_org_base_dict
        # The organisation is the clinic group, not this page: give it a stable id.
        data["url"] = self.site_root_url + "/"
        data["@id"] = organization_id(self.site_root_url)
        data["@context"] = "https://schema.org"
        return data

    @property
    def seo_struct_org_dict(self):
        try:
            return super().seo_struct_org_dict
        except ValueError:
            logger.error(
                "SEO settings: 'Additional Organization markup' is not valid JSON; "
                "the organisation's structured data is shown without it."
            )
            data = self.seo_struct_org_base_dict
            data["@type"] = self.seo_org_fields.struct_org_type or "Organization"
            return data

    @property
    def seo_struct_org_json(self):
        return json_ld_dumps(self.seo_struct_org_dict)

    @property
    def seo_struct_article_json(self):
        return json_ld_dumps(self.seo_struct_article_dict)

    @cached_property
    def listing_image(self):
        """The image for listings and cards, or None."""
        if self.listing_image_field:
            return getattr(self, self.listing_image_field)
        return None

    @property
    def listing_image_id(self):
        if self.listing_image_field:
            return getattr(self, f"{self.listing_image_field}_id")
        return None

    @property
    def listing_summary(self):
        return self.seo_description

    def json_ld_objects(self, request):
        """The page's own JSON-LD dicts; page types extend this list."""
        body = getattr(self, "body", None)
        faq = faq_json_ld(body) if body else None
        return [faq] if faq else []


class HomePage(BasePage):
    """The site's front page: a hero, a welcome, featured pages and a call to action."""

    hero_heading = models.CharField(
        max_length=120,
        help_text="The large headline at the top of the home page.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide, calm photo behind or beside the headline. Set its "
        "description in the image library: it is read out to screen-reader users.",
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
        "locations.LocationIndexPage",
        "providers.ProviderIndexPage",
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
        return specific_pages_in_order(ids, Page.objects.live().public())


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
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional image at the top of the page.",
    )
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


class BaseIndexPage(BasePage):
    """Abstract parent of the section index pages: one per site, under the home page."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A sentence or two at the top of the list.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    seo_description_sources = ["search_description", "intro"]

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ids = list(self.get_children().live().public().values_list("pk", flat=True))
        context["children"] = specific_pages_in_order(ids)
        return context


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """Facts about the clinic group shown across the site, edited in Settings."""

    group_name = models.CharField(
        "clinic group name",
        max_length=120,
        blank=True,
        help_text="Shown in the header and footer, e.g. 'Riverbend Mind Health'.",
    )
    main_phone = PhoneNumberField(
        blank=True,
        help_text="The main number for new patients, e.g. (512) 555-0100.",
    )
    crisis_banner_enabled = models.BooleanField(
        "show the crisis banner",
        default=True,
        help_text="A banner on top of every page that points people in crisis to help.",
    )
    crisis_banner_text = RichTextField(
        features=INLINE_RICH_TEXT,
        default=DEFAULT_CRISIS_TEXT,
        help_text="Keep it short; include the 988 Suicide & Crisis Lifeline.",
    )
    medical_disclaimer = RichTextField(
        features=INLINE_RICH_TEXT,
        default=DEFAULT_DISCLAIMER,
        help_text="Shown at the end of health articles and in the footer.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy policy, linked from the footer and from forms.",
    )
    consultation_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every 'Request a consultation' button leads.",
    )

    select_related = ["privacy_page", "consultation_page"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("group_name"), FieldPanel("main_phone")], heading="Clinic group"
        ),
        MultiFieldPanel(
            [FieldPanel("crisis_banner_enabled"), FieldPanel("crisis_banner_text")],
            heading="Crisis banner",
        ),
        FieldPanel("medical_disclaimer"),
        MultiFieldPanel(
            [PageChooserPanel("privacy_page"), PageChooserPanel("consultation_page")],
            heading="Key pages",
        ),
    ]

    class Meta:
        verbose_name = "clinic settings"
