"""Blocks explain themselves in the editor's block picker: a description on each, and
a preview drawn from a sample value where one needs nothing from the database."""

import pytest
from django.urls import reverse

from articles.blocks import ArticleBodyStreamBlock, PressReleaseBodyStreamBlock
from home.blocks import BodyStreamBlock
from tests.factories import make_user

# The paragraph is Wagtail's own RichTextBlock; describing it would rewrite every
# page body's migration state for a line of help.
UNDESCRIBED = {"paragraph"}
# Previews of these would need an image, a video's website or a provider's page.
WITHOUT_PREVIEW = {"figure", "video", "expert_quote"}

CHILD_BLOCKS = {
    name: block
    for stream_block in (
        BodyStreamBlock(),
        ArticleBodyStreamBlock(),
        PressReleaseBodyStreamBlock(),
    )
    for name, block in stream_block.child_blocks.items()
}


@pytest.mark.parametrize("name", sorted(set(CHILD_BLOCKS) - UNDESCRIBED))
def test_every_block_tells_editors_what_it_is_for(name):
    assert CHILD_BLOCKS[name].get_description()


# A phrase each block's sample value shows.
PREVIEW_PHRASES = {
    "heading": "What to expect at your first visit",
    "quote": "I finally felt listened to",
    "call_to_action": "Request a consultation",
    "faq": "Do I need a referral?",
    "callout": "Bring a driver",
    "key_takeaways": "Each session is supervised in the clinic.",
    "safety_callout": "Who should not have ketamine treatment",
}


def test_every_block_but_the_listed_few_has_a_preview():
    assert set(CHILD_BLOCKS) - WITHOUT_PREVIEW - UNDESCRIBED == set(PREVIEW_PHRASES)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PREVIEW_PHRASES))
def test_the_block_picker_previews_each_block_in_the_sites_style(client, name):
    block = CHILD_BLOCKS[name]
    client.force_login(make_user("editor", permissions=["wagtailadmin.access_admin"]))

    response = client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert block.is_previewable
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/site.css" in html
    assert PREVIEW_PHRASES[name] in html
