"""SEO management in Chromium, as a marketing editor (not a superuser): the editor's
checks panel flags a bad page, the SEO report lists it, and an address that answered
'not found' becomes a redirect from the not-found log."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Site
from wagtailmenus.models import MainMenu, MainMenuItem

from tests.factories import (
    ArticleIndexPageFactory,
    ProviderIndexPageFactory,
    StandardPageFactory,
    make_article,
    make_provider,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BAD_TITLE = "Everything about our clinics, our people and our many services"


@pytest.fixture
def bad_page(live_server):
    home = make_site()
    page = StandardPageFactory(
        parent=home,
        title=BAD_TITLE,
        intro="",
        body=[("heading", {"text": "Details", "level": "h3"})],
    )
    MainMenuItem.objects.create(
        menu=MainMenu.get_for_site(Site.objects.get()), link_page=page
    )
    return page


def open_checks(page, base_url, wagtail_page):
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{base_url}/admin/pages/{wagtail_page.pk}/edit/")
    page.get_by_role("button", name="Toggle checks").click()
    return page.locator("[data-side-panel='checks']")


def test_the_checks_panel_flags_a_bad_page(
    page, live_server, bad_page, marketing_editor_login
):
    marketing_editor_login(page)

    checks = open_checks(page, live_server.url, bad_page)

    expect(checks.get_by_text("Title too long")).to_be_visible(timeout=30_000)
    for problem in ("No meta description", "No social image", "Headings skip a level"):
        expect(checks.get_by_text(problem)).to_be_visible()
    expect(
        checks.get_by_text("Search results cut titles after about 60")
    ).to_be_visible()


def test_the_checks_panel_shows_the_reading_grade_of_a_health_article(
    page, live_server, marketing_editor_login
):
    home = make_site()
    reviewer = make_provider(ProviderIndexPageFactory(parent=home), credentials="MD")
    sentence = (
        "Considerable heterogeneity in therapeutic responsiveness characterises "
        "participants presenting with treatment-resistant symptomatology, "
        "notwithstanding substantial methodological improvements."
    )
    article = make_article(
        ArticleIndexPageFactory(parent=home),
        reviewer,
        authors=[reviewer],
        body=[("paragraph", f"<p>{sentence}</p>")],
    )
    marketing_editor_login(page)

    checks = open_checks(page, live_server.url, article)

    expect(checks.locator("[data-seo-reading-grade]")).to_have_text(
        re.compile(r"Grade \d+(\.\d)? \(aim for 8\)"), timeout=30_000
    )
    expect(checks.locator("[data-seo-longest-sentences]")).to_contain_text(sentence)
    expect(checks.get_by_text("Hard to read")).to_be_visible()


def test_the_seo_report_lists_the_bad_page(
    page, live_server, bad_page, marketing_editor_login
):
    marketing_editor_login(page)

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="SEO report").click()

    row = page.locator("table.listing tbody tr").filter(has_text=BAD_TITLE)
    expect(row).to_contain_text("Title too long (82 characters)")
    expect(row).to_contain_text("No meta description")
    row.get_by_role("link", name=BAD_TITLE).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{bad_page.pk}/edit/$"))


def test_a_missing_address_becomes_a_redirect_from_the_not_found_log(
    page, live_server, bad_page, marketing_editor_login
):
    assert page.goto(f"{live_server.url}/old-services/").status == 404
    marketing_editor_login(page)

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Pages not found").click()
    row = page.locator("table.listing tbody tr").filter(has_text="/old-services")
    expect(row).to_contain_text("1")
    row.get_by_role("link", name="Create redirect").click()
    expect(page.get_by_label("Redirect from")).to_have_value("/old-services")
    page.get_by_label("Redirect to any URL").fill(f"{live_server.url}{bad_page.url}")
    page.get_by_role("button", name="Create").click()

    expect(page.get_by_text("Redirect '/old-services' added.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="/old-services")).to_have_count(0)
    page.goto(f"{live_server.url}/old-services/")
    expect(page.locator("h1")).to_have_text(BAD_TITLE)
