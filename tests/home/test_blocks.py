import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import CallToActionBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("with_page", "url"),
    [(False, ""), (True, "https://example.org/")],
    ids=["neither", "both"],
)
def test_call_to_action_needs_exactly_one_destination(home_page, with_page, url):
    block = CallToActionBlock()
    value = block.to_python(
        {"label": "Go", "page": home_page.pk if with_page else None, "url": url}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "Choose a page or enter a web address" in str(error.value.block_errors)


def test_call_to_action_with_a_page_is_valid(home_page):
    block = CallToActionBlock()
    value = block.to_python({"label": "Go", "page": home_page.pk, "url": ""})

    assert block.clean(value)["page"].pk == home_page.pk
