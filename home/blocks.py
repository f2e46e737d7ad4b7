"""The StreamField block library every page body draws from."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

INLINE_RICH_TEXT = ["bold", "italic", "link", "document-link"]
BODY_RICH_TEXT = [*INLINE_RICH_TEXT, "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 for sections, 3 and 4 for sub-sections."""

    text = blocks.CharBlock(max_length=120, help_text="The words of the heading.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (level 2)"), ("h3", "Sub-section (level 3)")],
        default="h2",
        help_text="Use level 2 for main sections; level 3 only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A heading that starts a section of the page."
        preview_value = {"text": "What to expect at your first visit", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    """An image with alt text (the image's own unless overridden) and a caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Shown under the image."
    )

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        # No preview value: a preview would need an image from the library.
        description = "An image from the library, with an optional caption under it."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value["image"]
        # Decorative images get empty alt text; otherwise the editor's words win,
        # then the description kept with the image in the library.
        context["alt"] = (
            ""
            if getattr(image, "decorative", False)
            else getattr(image, "contextual_alt_text", None) or image.default_alt_text
        )
        return context


class QuoteBlock(blocks.StructBlock):
    """A pull quote with who said it."""

    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, e.g. 'A patient'."
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "Someone's words set apart from the text, with who said them."
        preview_value = {
            "quote": "I finally felt listened to, and I knew what would happen next.",
            "attribution": "A patient",
        }


class CallToActionBlock(blocks.StructBlock):
    """A button that sends visitors to a page of this site or to another website."""

    label = blocks.CharBlock(
        max_length=60, help_text="Button text, e.g. 'Book a call'."
    )
    page = blocks.PageChooserBlock(
        required=False,
        help_text="Choose a page on this site, or fill in a web address.",
    )
    url = blocks.URLBlock(required=False, label="Web address")
    style = blocks.ChoiceBlock(
        choices=[("primary", "Primary (filled)"), ("secondary", "Secondary (outline)")],
        default="primary",
    )

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        description = "A button to a page of this site or to another website."
        preview_value = {
            "label": "Request a consultation",
            "url": "https://example.com/",
            "style": "primary",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or enter a web address (one, not both)."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message)}
            )
        return value


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer in an FAQ."""

    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=BODY_RICH_TEXT)


class FAQBlock(blocks.StructBlock):
    """Questions and answers; search engines also get them as FAQPage data."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        description = (
            "Questions and answers; search engines may show them under the page."
        )
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "question": "Do I need a referral?",
                    "answer": "<p>No. You can ask for a consultation yourself.</p>",
                },
                {
                    "question": "Do you offer telehealth?",
                    "answer": "<p>Yes, for most follow-up visits.</p>",
                },
            ],
        }


class VideoBlock(blocks.StructBlock):
    """A video from YouTube, Vimeo and the like, with a title for screen readers."""

    video = EmbedBlock(help_text="The address of the video page, e.g. on YouTube.")
    title = blocks.CharBlock(
        max_length=120, help_text="What the video is about; read out by screen readers."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        # No preview value: a preview would fetch the video from its website.
        description = "A video from YouTube, Vimeo and the like, with its title."


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for something readers must not miss."""

    tone = blocks.ChoiceBlock(
        choices=[
            ("info", "Information"),
            ("important", "Important"),
            ("safety", "Safety information"),
        ],
        default="info",
    )
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=BODY_RICH_TEXT)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        description = "A highlighted box for information readers must not miss."
        preview_value = {
            "tone": "important",
            "heading": "Bring a driver",
            "text": "<p>After a ketamine session you may not drive until the next "
            "day.</p>",
        }


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks editors can use in the body of any page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=BODY_RICH_TEXT, icon="pilcrow")
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    video = VideoBlock()
    callout = CalloutBlock()
