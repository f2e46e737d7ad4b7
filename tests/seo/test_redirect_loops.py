"""Redirects made by editors are refused when they would loop: to themselves, through
the site's own host name, or through a chain back; in Wagtail's redirect form (as a
marketing editor), its import and `manage.py import_redirects`."""

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.views import create_redirects_from_dataset

from tests.factories import StandardPageFactory, make_user

pytestmark = pytest.mark.django_db

LOOP = "would send visitors round in a loop"


@pytest.fixture(autouse=True)
def site_host(home_page):
    """The site's own host name (Wagtail takes only absolute URLs as links)."""
    home_page.get_site().__class__.objects.update(hostname="www.clinic.example")


@pytest.fixture
def editor(client, home_page):
    client.force_login(make_user("marketer", groups=["Marketing editors"]))
    return client


def add_redirect(client, old_path, link="", page=None):
    data = {"old_path": old_path, "redirect_link": link, "is_permanent": "on"}
    if page is not None:
        data["redirect_page"] = page.pk
    return client.post("/admin/redirects/add/", data)


def test_a_redirect_to_its_own_address_is_refused(editor):
    response = add_redirect(editor, "/old-page", "https://www.clinic.example/old-page")

    assert response.status_code == 200
    assert LOOP in response.content.decode()
    assert "/old-page → /old-page" in response.content.decode()
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    "link",
    ["https://www.clinic.example/old-page/", "http://WWW.Clinic.example:8443/old-page"],
    ids=["trailing-slash", "other-scheme-case-and-port"],
)
def test_a_redirect_back_through_the_sites_own_host_is_refused(editor, link):
    response = add_redirect(editor, "/old-page", link)

    assert LOOP in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_redirect_to_the_page_at_its_own_address_is_refused(editor, home_page):
    page = StandardPageFactory(parent=home_page, slug="old-page")

    response = add_redirect(editor, "/old-page/", page=page)

    assert LOOP in response.content.decode()


def test_a_chain_of_redirects_back_is_refused(editor):
    Redirect.objects.create(old_path="/a", redirect_link="https://www.clinic.example/b")
    Redirect.objects.create(
        old_path="/b", redirect_link="https://www.clinic.example/c/"
    )

    response = add_redirect(editor, "/c", "https://www.clinic.example/a")

    assert LOOP in response.content.decode()
    assert "/c → /a → /b → /c" in response.content.decode()
    assert Redirect.objects.count() == 2


def test_editing_a_redirect_into_a_loop_is_refused(editor):
    Redirect.objects.create(old_path="/a", redirect_link="https://www.clinic.example/b")
    second = Redirect.objects.create(
        old_path="/b", redirect_link="https://www.clinic.example/elsewhere"
    )

    response = editor.post(
        f"/admin/redirects/{second.pk}/",
        {
            "old_path": "/b",
            "redirect_link": "https://www.clinic.example/a",
            "is_permanent": "on",
        },
    )

    assert LOOP in response.content.decode()
    second.refresh_from_db()
    assert second.redirect_link == "https://www.clinic.example/elsewhere"


@pytest.mark.parametrize(
    ("old_path", "link"),
    [
        ("/old-page", "https://www.clinic.example/about/"),
        ("/old-page", "https://partner.example.org/old-page"),
        ("/a", "https://www.clinic.example/b"),
    ],
    ids=["to-a-page", "another-site", "to-nothing-yet"],
)
def test_redirects_that_end_somewhere_are_accepted(editor, home_page, old_path, link):
    StandardPageFactory(parent=home_page, slug="about")

    response = add_redirect(editor, old_path, link)

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path=old_path).exists()


def test_a_chain_through_a_live_page_is_no_loop(editor, home_page):
    """Wagtail follows a redirect only when no page answers: /b is a page, so the
    old redirect from /b is never used."""
    StandardPageFactory(parent=home_page, slug="b")
    Redirect.objects.create(old_path="/b", redirect_link="https://www.clinic.example/a")

    response = add_redirect(editor, "/a", "https://www.clinic.example/b/")

    assert response.status_code == 302


def test_the_admin_import_refuses_loops_row_by_row(home_page):
    dataset = [  # rows as the import view reads them from the uploaded file
        ("/from-a", "https://www.clinic.example/to-b"),
        ("/to-b", "https://www.clinic.example/from-a"),
        ("/same", "https://www.clinic.example/same"),
        ("/x", "https://www.clinic.example/y"),
    ]

    result = create_redirects_from_dataset(
        dataset, {"from_index": 0, "to_index": 1, "permanent": True, "site": None}
    )

    assert result["successes"] == 2
    assert [row[0] for row in result["errors"]] == ["/to-b", "/same"]
    assert all(LOOP in row[2] for row in result["errors"])


def test_import_redirects_command_refuses_loops(home_page, tmp_path):
    source = tmp_path / "redirects.csv"
    source.write_text(
        "from,to\n"
        "/one,https://www.clinic.example/two\n"
        "/two,https://www.clinic.example/one\n"
    )

    call_command("import_redirects", src=str(source), site=None, offset=0, verbosity=0)

    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/one"]
