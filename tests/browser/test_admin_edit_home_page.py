import pytest
from playwright.sync_api import expect

from tests.factories import make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_changes_the_home_page_intro_and_visitors_see_it(
    page, live_server, admin_login
):
    home = make_site(intro="The old welcome.")
    admin_login(page)

    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.locator("#id_intro").fill("A brand new welcome for every visitor.")
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(f"{live_server.url}/")
    expect(page.locator(".hero__intro")).to_have_text(
        "A brand new welcome for every visitor."
    )
