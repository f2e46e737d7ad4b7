import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site
from wagtailmenus.models import FlatMenuItem, MainMenuItem
from wagtailseo.models import SeoSettings

from home.models import ClinicSettings, HomePage
from tests.helpers import json_ld_of_type

pytestmark = pytest.mark.django_db


def content_snapshot():
    """Everything the demo builds, in a form two runs can be compared by."""
    return {
        "pages": sorted(Page.objects.values_list("id", "url_path", "live", "title")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "main_menu": sorted(MainMenuItem.objects.values_list("id", "link_page_id")),
        "footer": sorted(FlatMenuItem.objects.values_list("id", "link_page_id")),
        "sites": sorted(Site.objects.values_list("id", "root_page_id", "hostname")),
        "clinic": list(ClinicSettings.objects.values()),
        "seo": list(SeoSettings.objects.values()),
    }


def test_load_demo_content_builds_the_site(client, demo_site):
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail")
    response = client.get("/", HTTP_HOST="127.0.0.1:8000")
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Live Oak Mind Health", "About us", "Locations", "Learn", "988"):
        assert text in html
    assert json_ld_of_type(response, "MedicalOrganization")["name"] == (
        "Live Oak Mind Health"
    )
    for path in ("/about/", "/privacy/", "/locations/", "/providers/", "/learn/"):
        assert client.get(path, HTTP_HOST="127.0.0.1:8000").status_code == 200


def test_load_demo_content_twice_changes_nothing(demo_site):
    first = content_snapshot()

    call_command("load_demo_content", verbosity=0)

    assert content_snapshot() == first


def test_load_demo_content_keeps_editors_changes(demo_site):
    about = Page.objects.get(slug="about").specific
    about.title = "Who we are"
    about.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    assert Page.objects.get(slug="about").title == "Who we are"
