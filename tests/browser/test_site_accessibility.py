"""The public site checked in Chromium: axe-core on every page type of the demo site
(search and the not-found page included), and what axe cannot check: the main menu by
keyboard, on a phone and without JavaScript."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.a11y import axe_violations
from tests.factories import StandardPageFactory, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/locations/",
    "/locations/austin-clarksville/",
    "/providers/",
    "/providers/?location=round-rock&telehealth=on",
    "/providers/elena-marquez/",
    "/providers/hannah-cho/",
    "/learn/",
    "/learn/?topic=ptsd-and-trauma",
    "/learn/how-ketamine-therapy-works/",
    "/learn/ketamine-side-effects-and-safety/",
    "/newsroom/",
    "/newsroom/san-antonio-clinic-opens-in-alamo-heights/",
    "/search/?q=ketamine",
    "/request-a-consultation/",
    "/request-a-consultation/?location=round-rock",
    "/no-such-page/",
]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.fixture
def menu_site(live_server):
    """A site whose main menu has 'About us' with a sub-page."""
    from wagtailmenus.models import MainMenu, MainMenuItem

    home = make_site()
    about = StandardPageFactory(parent=home, title="About us", show_in_menus=True)
    StandardPageFactory(parent=about, title="Our team", show_in_menus=True)
    MainMenuItem.objects.create(
        menu=MainMenu.get_for_site(home.get_site()), link_page=about, allow_subnav=True
    )
    return live_server


def test_axe_finds_problems(page):
    page.set_content(
        "<html><body><img src='x.png'><h1>One</h1>"
        "<input name='q'><a href='/x'></a></body></html>"
    )

    problems = " | ".join(axe_violations(page))

    for expected in ("html-has-lang", "image-alt", "label", "link-name", "region"):
        assert expected in problems


def test_public_pages_pass_axe(page, demo_site):
    problems = {}
    for path in PUBLIC_PAGES:
        page.goto(f"{demo_site.url}{path}")
        found = axe_violations(page)
        if found:
            problems[path] = found

    assert problems == {}


def test_consultation_errors_and_thank_you_pass_axe(page, demo_site, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0
    page.goto(f"{demo_site.url}/request-a-consultation/?location=round-rock")

    # The server's own messages, as a browser without form validation would get them.
    page.locator("main form").evaluate("form => { form.noValidate = true; }")
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator(".field-errors").first).to_be_visible()
    with_errors = axe_violations(page)
    # The summary's link for a radio group takes the keyboard to the group.
    page.locator(".error-summary a", has_text="Preferred contact method").click()
    expect(page.locator("fieldset:focus legend")).to_contain_text(
        "Preferred contact method"
    )
    page.get_by_label("First name").fill("Imogen")
    page.get_by_label("Last name").fill("Castellanos")
    page.get_by_role("textbox", name="Email").fill("imogen@visitor.example")
    page.get_by_role("textbox", name="Phone").fill("(512) 555-0123")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("radio", name="Any time").check()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    thank_you = axe_violations(page)

    assert (with_errors, thank_you) == ([], [])


def test_main_menu_works_with_the_keyboard(page, menu_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{menu_site.url}/")

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    toggle = page.locator(".submenu-toggle").first
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    submenu_link = page.locator(".submenu a").first
    expect(submenu_link).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(submenu_link).to_be_hidden()


def test_main_menu_opens_and_closes_on_a_phone(page, menu_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{menu_site.url}/")
    menu_button = page.get_by_text("Menu", exact=True)
    about = page.locator("#main-menu").get_by_role("link", name="About us")

    expect(about).to_be_hidden()
    menu_button.click()
    expect(page.locator(".main-nav__disclosure")).to_have_attribute("open", "")
    expect(about).to_be_visible()
    menu_button.click()
    expect(about).to_be_hidden()
    menu_button.focus()
    page.keyboard.press("Enter")
    expect(about).to_be_visible()
    about.click()
    expect(page.locator("h1")).to_have_text("About us")


def test_menu_works_without_javascript_on_a_phone(browser, menu_site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(f"{menu_site.url}/")
    about = page.locator("#main-menu").get_by_role("link", name="About us")

    expect(about).to_be_hidden()  # collapsed as the server sends it
    page.get_by_text("Menu", exact=True).click()
    expect(about).to_be_visible()
    expect(page.get_by_role("link", name="Our team")).to_be_visible()
    context.close()


def test_menu_is_open_on_wide_screens_without_javascript(browser, menu_site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{menu_site.url}/")

    expect(
        page.locator("#main-menu").get_by_role("link", name="About us")
    ).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    context.close()


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_do_not_shift_while_they_load(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 844})
    shifts = {}
    for path in ["/", "/locations/austin-clarksville/", "/learn/"]:
        page.goto(f"{demo_site.url}{path}", wait_until="load")
        shifts[path] = page.evaluate(LAYOUT_SHIFT)

    assert shifts == dict.fromkeys(shifts, 0)
