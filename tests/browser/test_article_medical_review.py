import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from articles.models import ArticlePage
from articles.workflow import MARKETING_EDITORS, MEDICAL_REVIEWERS
from tests.factories import (
    ArticleIndexPageFactory,
    ImageFactory,
    ProviderIndexPageFactory,
    make_provider,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-test-password"


def member_of(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editor_writes_an_article_a_reviewer_approves_it_and_it_goes_live(
    page, live_server, admin_login, django_user_model
):
    home = make_site()
    learn = ArticleIndexPageFactory(parent=home)
    providers = ProviderIndexPageFactory(parent=home)
    make_provider(
        providers,
        title="Elena Marquez",
        credentials="MD",
        job_title="Psychiatrist",
        headshot=ImageFactory(),
    )
    make_provider(providers, title="Hannah Cho", credentials="LPC")
    make_provider(providers, title="James Whitfield", credentials="DO")
    member_of(django_user_model, "marketing", MARKETING_EDITORS)
    member_of(django_user_model, "reviewer", MEDICAL_REVIEWERS)

    # A marketing editor writes the article, with an expert quote, and submits it.
    admin_login(page, "marketing", PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/add/articles/articlepage/{learn.pk}/")
    page.locator("#id_title").fill("Ketamine and sleep")
    page.locator("#id_summary").fill("How ketamine treatment affects sleep.")
    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Expert quote").click()
    body.locator("[data-chooser-action-choose]").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("link", name="Elena Marquez", exact=True).click()
    expect(chooser).to_be_hidden()
    page.locator("#body-0-value-quote").fill("Rest well after each treatment.")
    page.locator("#id_authors-0-provider").select_option(label="Hannah Cho")
    page.locator("#id_medical_reviewer").select_option(label="James Whitfield")
    page.locator("#id_last_reviewed").fill("2024-11-01")
    page.get_by_role("button", name="More actions").click()
    expect(page.locator("button[name='action-publish']")).to_have_count(0)
    page.get_by_role("button", name="Submit to Medical review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")

    article = ArticlePage.objects.get(slug="ketamine-and-sleep")
    assert not article.live
    assert page.goto(f"{live_server.url}/learn/ketamine-and-sleep/").status == 404

    # A medical reviewer approves it from the dashboard.
    page.context.clear_cookies()
    admin_login(page, "reviewer", PASSWORD)
    awaiting = page.locator("#awaiting-review-section")
    expect(awaiting).to_contain_text("Ketamine and sleep")
    awaiting.get_by_role("button", name="Actions").click()
    awaiting.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)
    article.refresh_from_db()
    assert article.live

    # Visitors now read it, with its byline and the expert's current name.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/learn/ketamine-and-sleep/")
    expect(page.locator("h1")).to_have_text("Ketamine and sleep")
    expect(page.locator(".byline")).to_have_text(
        re.compile(
            r"Written by Hannah Cho, LPC\s*·\s*Medically reviewed by "
            r"James Whitfield, DO on November 1, 2024"
        )
    )
    expect(page.locator(".expert-quote")).to_contain_text(
        "Rest well after each treatment."
    )
    expect(page.locator(".expert-quote__name")).to_have_text("Elena Marquez, MD")
