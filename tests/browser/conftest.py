"""Browser tests: Playwright driving Debian's Chromium against a live server."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop; Django's ORM calls from the test are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every browser test before `-m browser` / `-m "not browser"` selects."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def require_chromium():
    if CHROMIUM.exists():
        return
    reason = f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (browser tests must run under CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


def log_in(page, base_url, username, password):
    """Sign a Playwright page in to the admin through its sign-in form, and its
    code step when the user has an authenticator app (tests with two factors on)."""
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/admin/two-factor/" in page.url:
        enter_sign_in_code(page, username)
    page.wait_for_url(f"{base_url}/admin/")


def enter_sign_in_code(page, username):
    """Type the code `username`'s authenticator app shows now into the code step."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.management.commands.two_factor_code import current_code

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Verify").click()


@pytest.fixture
def admin_login(live_server, django_user_model):
    """A superuser and a function that logs a Playwright page into the admin."""
    password = "browser-test-password"
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.com", password
    )

    def log_in_as_admin(page, username=user.username, secret=password):
        log_in(page, live_server.url, username, secret)

    return log_in_as_admin


@pytest.fixture
def marketing_editor_login(live_server, django_user_model):
    """A function that signs a page in as a marketing editor (not a superuser)."""
    from django.contrib.auth.models import Group

    password = "marketing-test-password"
    user = django_user_model.objects.create_user("marketer", "m@example.com", password)
    user.groups.add(Group.objects.get(name="Marketing editors"))
    return lambda page: log_in(page, live_server.url, user.username, password)
