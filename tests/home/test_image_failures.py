"""Side resources: an image whose file is missing or unreadable (a database restored
without its media, a storage hiccup, a corrupt file) is left out of the page with a
logged warning; every page type still answers 200."""

import io
import logging
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from tests.helpers import DEMO_HOST, DEMO_PAGE_OF_EACH_TYPE, soup

pytestmark = pytest.mark.django_db

HOST = DEMO_HOST
# Every public page type of the demo that shows an image: hero (home, standard,
# location, article, press release), cards (home, listings), headshots (directory,
# provider, expert quote), og:image and the organisation's logo (all of them).
PAGES_WITH_IMAGES = [*DEMO_PAGE_OF_EACH_TYPE]


def empty_media():
    """What a database restored without its media looks like: no original files,
    no rendition files, and no renditions recorded yet."""
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    Path(settings.MEDIA_ROOT).mkdir(parents=True)
    Rendition.objects.all().delete()


def test_pages_with_readable_images_still_show_them(client, demo_site):
    response = client.get("/providers/elena-marquez/", HTTP_HOST=HOST)

    page = soup(response)
    assert page.select("main picture img")
    assert page.find("meta", property="og:image")["content"].startswith("http")


def test_every_page_type_answers_without_its_missing_images(client, demo_site, caplog):
    empty_media()

    with caplog.at_level(logging.WARNING, logger="home.images"):
        responses = {
            path: client.get(path, HTTP_HOST=HOST) for path in PAGES_WITH_IMAGES
        }

    assert {path: r.status_code for path, r in responses.items()} == dict.fromkeys(
        PAGES_WITH_IMAGES, 200
    )
    for path, response in responses.items():
        page = soup(response)
        assert page.select("main img, main picture") == [], path
        assert "not-found" not in response.content.decode(), path
        assert page.find("meta", property="og:image") is None, path
    assert "could not be rendered and is left out of the page" in caplog.text
    assert "SourceImageIOError" in caplog.text


def truncated_jpeg():
    """A photo-sized JPEG cut in half, as an interrupted copy leaves it."""
    buffer = io.BytesIO()
    PILImage.effect_noise((800, 600), 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[: buffer.tell() // 2]


def test_a_truncated_image_file_is_left_out_too(client, demo_site, caplog):
    Rendition.objects.all().delete()
    for image in get_image_model().objects.all():
        path = Path(image.file.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(truncated_jpeg())

    with caplog.at_level(logging.WARNING, logger="home.images"):
        statuses = {
            path: client.get(path, HTTP_HOST=HOST).status_code
            for path in PAGES_WITH_IMAGES
        }

    assert statuses == dict.fromkeys(PAGES_WITH_IMAGES, 200)
    assert "could not be rendered" in caplog.text


def test_public_templates_use_the_image_tags_that_leave_out_unreadable_images():
    """Wagtail's own tags render a broken <img> for a missing file: every template
    of the site loads clinic_images instead."""
    templates = Path(settings.BASE_DIR) / "templates"
    loading_wagtails = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if "wagtailimages_tags" in path.read_text()
    ]

    assert loading_wagtails == []
