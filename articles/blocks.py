"""Blocks that health articles and press releases add to the shared block library."""

from wagtail import blocks

from home.blocks import BODY_RICH_TEXT, BodyStreamBlock
from home.listings import attach_listing_images

# Must match the {% picture %} filters of
# templates/articles/blocks/expert_quote_block.html.
EXPERT_PHOTO_FILTERS = "fill-{96x96,192x192}-c100|format-{webp,jpeg}"


class ExpertQuoteBlock(blocks.StructBlock):
    """A quote from one of our providers, shown with their current name, credentials
    and photo, so that renaming the provider updates every quote."""

    provider = blocks.PageChooserBlock(
        page_type="providers.ProviderPage",
        help_text="Who said it. Their name, credentials and photo come from their "
        "profile page.",
    )
    quote = blocks.TextBlock(
        max_length=800,
        help_text="Their words, without quotation marks. Check them with the provider "
        "before publishing.",
    )

    class Meta:
        icon = "openquote"
        label = "Expert quote"
        template = "articles/blocks/expert_quote_block.html"
        # No preview value: a preview would need a provider's page.
        description = (
            "A provider's words, with their current name, credentials and photo."
        )

    def bulk_to_python(self, values):
        quotes = super().bulk_to_python(values)
        # Every quote's photo comes with one query for the images and one for their
        # renditions, however many quotes the body holds.
        attach_listing_images(
            [quote["provider"] for quote in quotes if quote["provider"] is not None],
            EXPERT_PHOTO_FILTERS,
        )
        return quotes

    def get_searchable_content(self, value):
        provider = value.get("provider")
        name = [provider.title] if provider is not None else []
        return [*name, *super().get_searchable_content(value)]


class KeyTakeawaysBlock(blocks.StructBlock):
    """A short list of the points a reader should remember, usually near the top."""

    heading = blocks.CharBlock(
        max_length=80,
        default="Key takeaways",
        help_text="Usually 'Key takeaways'.",
    )
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=250, label="Point"),
        min_num=2,
        max_num=7,
        help_text="Two to seven short, plain sentences.",
    )

    class Meta:
        icon = "list-ul"
        label = "Key takeaways"
        template = "articles/blocks/key_takeaways_block.html"
        description = "The few points readers should remember, near the top."
        preview_value = {
            "heading": "Key takeaways",
            "points": [
                "Ketamine can ease depression within hours or days.",
                "Each session is supervised in the clinic.",
                "It works best as part of a wider treatment plan.",
            ],
        }


class SafetyCalloutBlock(blocks.StructBlock):
    """Safety information readers must not miss: risks, who should not have a
    treatment, when to get help."""

    heading = blocks.CharBlock(
        max_length=120,
        default="Safety information",
        help_text="e.g. 'Who should not have ketamine treatment'.",
    )
    text = blocks.RichTextBlock(features=BODY_RICH_TEXT)
    show_crisis_line = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Add the crisis line",
        help_text="Adds the crisis text from Settings > Clinic settings (988 Suicide "
        "& Crisis Lifeline) under your text.",
    )

    class Meta:
        icon = "warning"
        label = "Safety callout"
        template = "articles/blocks/safety_callout_block.html"
        description = (
            "Risks, who should not have a treatment and when to get help, with the "
            "crisis line."
        )
        preview_value = {
            "heading": "Who should not have ketamine treatment",
            "text": "<p>People with uncontrolled high blood pressure or a history of "
            "psychosis should talk to their doctor first.</p>",
            "show_crisis_line": True,
        }


class ArticleBodyStreamBlock(BodyStreamBlock):
    """Everything in the shared page body, plus the blocks health articles need."""

    expert_quote = ExpertQuoteBlock()
    key_takeaways = KeyTakeawaysBlock()
    safety_callout = SafetyCalloutBlock()


class PressReleaseBodyStreamBlock(BodyStreamBlock):
    """Everything in the shared page body, plus quotes from our providers."""

    expert_quote = ExpertQuoteBlock()
