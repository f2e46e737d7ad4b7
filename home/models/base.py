"""The abstract pages every public page type builds on."""

import logging

from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, Site
from wagtail.search import index
from wagtailseo import utils as seo_utils
from wagtailseo.models import SeoMixin, SeoSettings

from home.cache import cached_site_setting
from home.images import rendition_url_or_empty, settings_with_readable_images
from home.jsonld import faq_json_ld, json_ld_dumps, organization_id
from home.listings import specific_pages_in_order
from home.models.settings import ClinicSettings
from home.visibility import public_pages
from home.wagtail_internals import remember_parent

logger = logging.getLogger(__name__)

OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def optional_image(help_text, **kwargs):
    """An optional image from the library; deleting the image leaves the page as is."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
        **kwargs,
    )


class BasePage(SeoMixin, Page):
    """Abstract parent of every public page: SEO, structured data, listing data.

    Override points for page types:
    - seo_description_sources / seo_image_sources: attribute names tried in order for
      the meta description and the social image;
    - listing_image_field: the image field shown in listings and featured cards;
    - medical_review_required: True for health information that a clinician must
      review (the page then has medical_reviewer, last_reviewed and review_due);
    - plain_language_required: True where the SEO checks measure reading grade;
    - json_ld_objects(request): the page's own JSON-LD dicts.
    """

    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Tick to ask search engines not to list this page (robots "
        "'noindex'); it also leaves the sitemap. Visitors can still open it.",
    )

    seo_description_sources = ["search_description"]
    seo_image_sources = ["og_image"]
    listing_image_field = None
    medical_review_required = False
    plain_language_required = False

    promote_panels = [
        *SeoMixin.seo_panels,
        MultiFieldPanel([FieldPanel("noindex")], heading="Search engines"),
    ]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        # A page that asks not to be listed is not offered to crawlers either.
        if self.noindex:
            return []
        return super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        # wagtail-seo's properties take no request: hand them what the request has
        # already loaded, the SEO settings and (when this page is in it) the site.
        # Both are cached properties, so assigning one fills it for this instance.
        self.seo_org_fields = settings_with_readable_images(
            cached_site_setting(SeoSettings, request)
        )
        cached_site_setting(ClinicSettings, request)
        site = Site.find_for_request(request)
        url_parts = self.get_url_parts(request)
        if site is not None and url_parts and url_parts[0] == site.pk:
            self.site = site
        return super().get_context(request, *args, **kwargs)

    def route(self, request, path_components):
        # Sections whose children are all of one type find a child in one query
        # instead of two (the page, then its specific type).
        child_models = self.specific_class.allowed_subpage_models()
        if path_components and len(child_models) == 1:
            try:
                child = (
                    child_models[0].objects.child_of(self).get(slug=path_components[0])
                )
            except child_models[0].DoesNotExist:
                return super().route(request, path_components)
            return remember_parent(child, self).route(request, path_components[1:])
        return super().route(request, path_components)

    @cached_property
    def site(self):
        """The Site this page belongs to, or None: Wagtail's get_site(), read once."""
        return super().get_site()

    def get_site(self):
        return self.site

    @cached_property
    def seo_image(self):
        for attr in self.seo_image_sources:
            image = getattr(self, attr, None)
            if image is not None:
                return image
        return self.seo_org_fields.og_image_default

    @cached_property
    def seo_image_url(self):
        """The og:image (and JSON-LD image) URL, absolute; "" without an image or
        when its file cannot be read (logged: home.images)."""
        url = self.seo_image and rendition_url_or_empty(self.seo_image, OG_IMAGE_SPEC)
        if not url:
            return ""
        base_url = seo_utils.get_absolute_media_url(self.get_site())
        return seo_utils.ensure_absolute_url(url, base_url)

    @cached_property
    def seo_org_fields(self):
        """wagtail-seo's organisation settings of this page's site; a logo or
        organisation image whose file cannot be read is left out (logged), so that
        wagtail-seo's structured data goes without it rather than failing."""
        return settings_with_readable_images(SeoSettings.for_site(site=self.get_site()))

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
        context.update(self.listing_context(request))
        return context

    def listing_context(self, request):
        """What the index lists. By default: its live children as cards."""
        ids = list(public_pages(self.get_children()).values_list("pk", flat=True))
        return {"children": specific_pages_in_order(ids)}
