"""The Medical review workflow, exercised through the Wagtail admin as each role
would use it."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from articles.models import ArticleIndexPage, ArticlePage, PressReleasePage
from articles.workflow import MEDICAL_REVIEW
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def article_form(reviewer, author, title="Ketamine and sleep", article=None, **extra):
    """The article editor's form; for an existing `article`, its author row."""
    authors = [{"provider": author.pk}]
    if article is not None:
        authors = [
            {"id": row.pk, "provider": row.provider_id} for row in article.authors.all()
        ]
    return nested_form_data(
        {
            "title": title,
            "slug": "ketamine-and-sleep",
            "summary": "How ketamine treatment affects sleep.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Most people sleep well after.</p>")),
                    (
                        "expert_quote",
                        {"provider": author.pk, "quote": "Rest after treatment."},
                    ),
                ]
            ),
            "authors": inline_formset(authors, initial=len(authors) if article else 0),
            "medical_reviewer": reviewer.pk,
            "last_reviewed": "2024-01-15",
            "references": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def press_release_form(title="Clinic opens"):
    return nested_form_data(
        {
            "title": title,
            "slug": "clinic-opens",
            "dateline_city": "Austin",
            "dateline_state": "Texas",
            "release_date": "2026-05-01",
            "summary": "A new clinic opens.",
            "body": streamfield([("paragraph", rich_text("<p>News.</p>"))]),
            "comments": inline_formset([]),
        }
    )


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def test_articles_index_gets_the_medical_review_workflow_when_created(
    admin_client, home_page
):
    response = admin_client.post(
        add_url(ArticleIndexPage, home_page),
        nested_form_data(
            {
                "title": "Learn",
                "slug": "learn",
                "intro": "",
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    index = ArticleIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=index).workflow.name == MEDICAL_REVIEW
    assert index.get_workflow().name == MEDICAL_REVIEW


def test_marketing_editor_is_offered_submit_but_not_publish_for_articles(
    client, marketing_editor, learn, elena
):
    client.force_login(marketing_editor)
    article = make_article(learn, reviewer=elena, authors=[elena])

    create = client.get(add_url(ArticlePage, learn)).content.decode()
    edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    for html in (create, edit):
        assert 'name="action-submit"' in html
        assert "Submit to Medical review" in html
        assert 'name="action-publish"' not in html


def test_marketing_editor_cannot_publish_an_article_even_by_asking_directly(
    client, marketing_editor, learn, elena
):
    client.force_login(marketing_editor)

    client.post(
        add_url(ArticlePage, learn),
        article_form(elena, elena, **{"action-publish": "publish"}),
    )
    article = ArticlePage.objects.get(slug="ketamine-and-sleep")
    assert not article.live

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(elena, elena, article=article, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302  # saved as a draft, not published
    article.refresh_from_db()
    assert not article.live
    assert client.get(f"{learn.url}ketamine-and-sleep/").status_code == 404


def test_article_goes_live_only_when_a_medical_reviewer_approves(
    client, marketing_editor, medical_reviewer, learn, elena, james
):
    client.force_login(marketing_editor)
    response = client.post(
        add_url(ArticlePage, learn),
        article_form(james, elena, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="ketamine-and-sleep")
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.workflow.name == MEDICAL_REVIEW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=article.pk).live
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )

    # The author cannot approve their own submission.
    refused = client.post(approve_url, {"comment": ""}, follow=True)
    assert "do not have permission" in refused.content.decode()
    assert not Page.objects.get(pk=article.pk).live

    client.force_login(medical_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ketamine and sleep" in dashboard  # "Awaiting your review"
    client.post(approve_url, {"comment": "Checked against the evidence."})

    article.refresh_from_db()
    assert article.live
    page = client.get(article.url).content.decode()
    assert "Medically reviewed by" in page
    assert "James Whitfield, DO" in page
    assert "Rest after treatment." in page


def test_marketing_editor_publishes_press_releases_without_review(
    client, marketing_editor, newsroom
):
    client.force_login(marketing_editor)
    create = client.get(add_url(PressReleasePage, newsroom)).content.decode()
    assert 'name="action-publish"' in create

    response = client.post(
        add_url(PressReleasePage, newsroom),
        {**press_release_form(), "action-publish": "publish"},
    )

    assert response.status_code == 302
    release = PressReleasePage.objects.get(slug="clinic-opens")
    assert release.live
    assert client.get(release.url).status_code == 200


def test_medical_reviewer_may_publish_articles_directly(
    client, medical_reviewer, learn, elena
):
    client.force_login(medical_reviewer)

    client.post(
        add_url(ArticlePage, learn),
        article_form(elena, elena, **{"action-publish": "publish"}),
    )

    assert ArticlePage.objects.get(slug="ketamine-and-sleep").live


def test_submitting_needs_a_reviewer_and_review_date_but_a_draft_does_not(
    client, marketing_editor, learn, elena
):
    client.force_login(marketing_editor)
    incomplete = {
        **article_form(elena, elena),
        "medical_reviewer": "",
        "last_reviewed": "",
    }

    refused = client.post(
        add_url(ArticlePage, learn), {**incomplete, "action-submit": "submit"}
    )
    assert refused.status_code == 200
    assert set(refused.context["form"].errors) >= {"medical_reviewer", "last_reviewed"}
    assert not ArticlePage.objects.exists()

    client.post(add_url(ArticlePage, learn), incomplete)  # "Save draft"
    assert ArticlePage.objects.get(slug="ketamine-and-sleep").live is False
