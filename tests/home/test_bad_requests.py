"""A request Django cannot decode (body or header) answers 400 with the site's own
page, not 500 (issue 9, kind 3)."""

import pytest

pytestmark = pytest.mark.django_db

FORM_PATH = "/request-a-consultation/"


def assert_site_400(response):
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read that request" in html
    assert 'href="tel:988"' in html
    assert 'name="robots" content="noindex"' in html


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"first_name=Ana", "application/x-www-form-urlencoded; charset=utf-16"),
        (b"--x\r\n", "multipart/form-data"),
        (b"garbage", "multipart/form-data; boundary=\xff\xfe"),
    ],
    ids=["charset-it-cannot-read", "multipart-without-boundary", "bad-boundary"],
)
def test_an_undecodable_body_gets_the_sites_400_page(
    client, home_page, body, content_type
):
    from tests.factories import make_consultation_page

    make_consultation_page(home_page)

    response = client.generic("POST", FORM_PATH, body, content_type=content_type)

    assert_site_400(response)


def test_a_host_header_it_cannot_read_gets_the_sites_400_page(client, home_page):
    response = client.get("/", HTTP_HOST="bad host\xff")

    assert_site_400(response)


@pytest.mark.parametrize(
    "meta",
    [
        {"QUERY_STRING": "q=%ff%fe%00"},
        {"HTTP_COOKIE": "sessionid=\xff\xfe"},
        {"HTTP_X_FORWARDED_FOR": "\xff"},
        {"HTTP_REFERER": "http://\xff\xfe/"},
        {"HTTP_ACCEPT_LANGUAGE": "\xff;q=x"},
    ],
    ids=["query", "cookie", "forwarded-for", "referer", "accept-language"],
)
def test_other_odd_headers_are_read_as_text_and_the_page_is_served(
    client, home_page, meta
):
    assert client.get("/", **meta).status_code == 200
    assert client.get("/search/", **meta).status_code == 200
