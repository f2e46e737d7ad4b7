"""Small helpers that read what a visitor's browser (or a search engine) would."""

import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 parses our own XML only
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# The demo Site's host (the `demo_site` fixture's content answers on it).
DEMO_HOST = "127.0.0.1:8000"
# One demo page of every public page type, the consultation form included.
DEMO_PAGE_OF_EACH_TYPE = [
    "/",
    "/about/",
    "/locations/",
    "/locations/austin-clarksville/",
    "/providers/",
    "/providers/elena-marquez/",
    "/learn/",
    "/learn/how-ketamine-therapy-works/",
    "/newsroom/",
    "/newsroom/san-antonio-clinic-opens-in-alamo-heights/",
    "/request-a-consultation/",
]


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response):
    """Every JSON-LD object on the page, parsed."""
    return [
        json.loads(script.string)
        for script in soup(response).find_all("script", type="application/ld+json")
    ]


def json_ld_of_type(response, schema_type):
    found = [data for data in json_ld(response) if data.get("@type") == schema_type]
    assert found, f"no {schema_type} JSON-LD on the page"
    return found[0]


def meta(response, name):
    """The content of a <meta name=...> or <meta property=...>, or None."""
    tag = soup(response).find("meta", attrs={"name": name}) or soup(response).find(
        "meta", attrs={"property": name}
    )
    return tag["content"] if tag else None


def visible_text(response):
    return re.sub(r"\s+", " ", soup(response).get_text(" ")).strip()


SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client, **extra):
    """Every <loc> a search engine finds from /sitemap.xml, following the index to
    each of its parts (as a crawler would)."""
    index = ET.fromstring(client.get("/sitemap.xml", **extra).content)  # noqa: S314
    found = set()
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        parts = urlsplit(loc.text)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path, **extra)
        assert response.status_code == 200, path
        part = ET.fromstring(response.content)  # noqa: S314 our own XML
        found |= {url.text for url in part.findall("sm:url/sm:loc", SITEMAP_NS)}
    return found


def force_login_with_second_factor(client, user):
    """Sign `client` in as `user` with a verified second factor, as after the code
    step: an authenticator-app device (made if the user has none) is recorded in
    the session as django-otp does. Returns the device.

    Tests run with `TWO_FACTOR_ENABLED` off, where `client.force_login` is enough;
    tests that turn it on use this for users who must have two factors."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
