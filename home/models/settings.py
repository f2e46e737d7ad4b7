"""Site-wide settings that editors change in Settings."""

from django.db import models
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from home.blocks import INLINE_RICH_TEXT

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
        region="US",  # shown as (512) 555-0100, as the location editor shows phones
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
