"""Press releases and the newsroom that lists them."""

from django.db import models
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import PressReleaseBodyStreamBlock
from articles.feeds import PressReleaseFeed
from articles.jsonld import press_release_json_ld
from articles.models.sections import SectionChildMixin, SectionIndexPage
from articles.models.snippets import Boilerplate, live_or_none
from home.models import BasePage, optional_image


class NewsroomPage(SectionIndexPage):
    """The newsroom: press releases, newest first, and the contact for journalists."""

    media_contact = models.ForeignKey(
        "articles.MediaContact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown beside the list as the contact for media inquiries.",
    )

    subpage_types = ["articles.PressReleasePage"]
    feed_class = PressReleaseFeed
    newest_first = ("-release_date", "-first_published_at", "-pk")

    content_panels = SectionIndexPage.content_panels + [FieldPanel("media_contact")]

    class Meta:
        verbose_name = "newsroom page"

    @property
    def child_page_type(self):
        return PressReleasePage

    def listing(self, request):
        page_obj = self.paginate(self.live_children(), request)
        page_obj.object_list = list(page_obj.object_list)
        return {"page_obj": page_obj, "media_contact": live_or_none(self.media_contact)}


class PressReleasePage(SectionChildMixin, BasePage):
    """A dated announcement for journalists, often also sent out on a newswire."""

    subheadline = models.CharField(
        max_length=250,
        blank=True,
        help_text="One sentence under the headline that adds the most important "
        "detail.",
    )
    dateline_city = models.CharField(
        "city",
        max_length=80,
        help_text="Where the news comes from, e.g. 'Austin'. Shown in capitals at the "
        "start of the release.",
    )
    dateline_state = models.CharField(
        "state",
        max_length=40,
        default="Texas",
        help_text="Written out, as newswires do, e.g. 'Texas'.",
    )
    release_date = models.DateField(
        default=timezone.localdate,
        help_text="The date in the dateline. For an embargoed release, the day it may "
        "be published; set the exact time with 'Set schedule' in the Status panel.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for the newsroom list and search engines.",
    )
    image = optional_image(
        "Optional photo shown at the top and when the release is shared."
    )
    body = StreamField(
        PressReleaseBodyStreamBlock(),
        help_text="The release itself. The first paragraph follows the dateline: "
        "say who, what, where and when in it.",
    )
    boilerplate = models.ForeignKey(
        "articles.Boilerplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'About us' paragraph at the end. Leave empty to use the default "
        "one from Snippets > Boilerplates.",
    )
    media_contact = models.ForeignKey(
        "articles.MediaContact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who journalists should call about this release.",
    )
    newswire_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="If the release also went out on a newswire, its name, e.g. "
        "'PR Newswire'.",
    )
    newswire_url = models.URLField(
        "newswire web address",
        max_length=500,
        blank=True,
        help_text="The address of the release on the newswire.",
    )
    newswire_is_canonical = models.BooleanField(
        "the newswire's copy is the original",
        default=False,
        help_text="Tick if the release was first published on the newswire: search "
        "engines are then told that the newswire's copy is the original.",
    )

    parent_page_types = ["articles.NewsroomPage"]
    seo_image_sources = ["og_image", "image"]
    canonical_url_sources = ["canonical_url", "newswire_canonical_url"]
    listing_image_field = "image"

    search_fields = Page.search_fields + [
        index.SearchField("subheadline"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = [
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("subheadline"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("dateline_city"),
                        FieldPanel("dateline_state"),
                        FieldPanel("release_date"),
                    ]
                )
            ],
            heading="Dateline",
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("boilerplate"),
        FieldPanel("media_contact"),
        MultiFieldPanel(
            [
                FieldPanel("newswire_name"),
                FieldPanel("newswire_url"),
                FieldPanel("newswire_is_canonical"),
            ],
            heading="Newswire",
        ),
    ]

    class Meta:
        verbose_name = "press release page"

    def validation_errors(self):
        errors = super().validation_errors()
        if self.newswire_is_canonical and not self.newswire_url:
            errors["newswire_url"] = (
                "Enter the newswire's address, or untick 'the newswire's copy is the "
                "original'."
            )
        return errors

    @property
    def newswire_canonical_url(self):
        return self.newswire_url if self.newswire_is_canonical else ""

    @property
    def dateline_place(self):
        """'AUSTIN, Texas', as the dateline starts."""
        return ", ".join(
            part for part in (self.dateline_city.upper(), self.dateline_state) if part
        )

    @property
    def dateline(self):
        """'AUSTIN, Texas, May 4, 2026'."""
        date = (
            dateformat.format(self.release_date, "F j, Y") if self.release_date else ""
        )
        return ", ".join(part for part in (self.dateline_place, date) if part)

    @cached_property
    def boilerplate_to_show(self):
        """The chosen boilerplate if it is published, else the default one."""
        return live_or_none(self.boilerplate) or Boilerplate.default()

    @cached_property
    def media_contact_to_show(self):
        """The chosen media contact if it is published, else None."""
        return live_or_none(self.media_contact)

    def main_json_ld(self, request):
        return [press_release_json_ld(self, request)]
