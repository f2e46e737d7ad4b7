"""The Content-Security-Policy in Chromium: public pages and the admin (dashboard,
page editor, image library, preview) run without a single violation."""

import pytest

from tests.factories import StandardPageFactory, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def csp_violations(page):
    """Collects every CSP violation the page reports, from the console and from the
    securitypolicyviolation event (which also sees report-only and inline cases)."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => {"
        " window.cspViolations.push(e.violatedDirective);"
        " console.error('Content Security Policy violation: ' + e.violatedDirective"
        " + ' ' + e.blockedURI); });"
    )
    return found


def test_admin_works_under_its_policy(page, live_server, marketing_editor_login):
    home = make_site()
    about = StandardPageFactory(parent=home, title="About us")
    violations = csp_violations(page)

    marketing_editor_login(page)
    for path in (
        "/admin/",
        f"/admin/pages/{about.pk}/edit/",
        f"/admin/pages/{home.pk}/",
        "/admin/images/",
        "/admin/documents/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "Content-Security-Policy" in response.headers or (
            "content-security-policy" in response.headers
        ), path
        page.wait_for_load_state("networkidle")

    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.get_by_role("textbox", name="Title*").fill("About our clinics")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("has been updated").count() >= 1

    assert violations == []


def test_public_pages_run_under_the_strict_policy(page, live_server):
    home = make_site()
    StandardPageFactory(parent=home, title="About us", slug="about")
    violations = csp_violations(page)

    for path in ("/", "/about/", "/search/?q=about", "/no-such-page/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert violations == []

    # An inline script, as injected markup would bring, is blocked and seen.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    page.wait_for_function("window.cspViolations.length > 0")
    assert page.evaluate("window.injected") is None
    assert any("script-src" in text for text in violations)
