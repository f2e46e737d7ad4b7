"""Health articles go live only through Medical review, whatever group a user is in
and however the request is made (buttons, forged POSTs, bulk actions, copies)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from articles.models import ArticlePage
from articles.workflow import MARKETING_EDITORS, MEDICAL_REVIEWERS
from tests.articles.test_medical_review_workflow import add_url, article_form
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# Wagtail's own groups count too: Moderators may publish anything else.
GROUPS_WITHOUT_ARTICLE_PUBLISHING = [MARKETING_EDITORS, "Editors", "Moderators"]


@pytest.fixture(params=GROUPS_WITHOUT_ARTICLE_PUBLISHING)
def non_reviewer(request, django_user_model):
    user = django_user_model.objects.create_user(
        f"member-of-{request.param.lower().replace(' ', '-')}", password="secret-3"
    )
    user.groups.add(Group.objects.get(name=request.param))
    return user


@pytest.fixture
def draft_article(learn, elena):
    article = make_article(learn, reviewer=elena, authors=[elena])
    article.unpublish()
    return ArticlePage.objects.get(pk=article.pk)


def test_only_reviewers_and_superusers_may_publish_in_the_articles_section(
    non_reviewer, medical_reviewer, admin_user, learn, draft_article
):
    for page in (learn, draft_article):
        refused = page.permissions_for_user(non_reviewer)
        assert not refused.can_publish()
        assert not refused.can_unschedule()
        assert not refused.can_set_view_restrictions()
        for allowed in (medical_reviewer, admin_user):
            assert page.permissions_for_user(allowed).can_publish()
    assert not learn.permissions_for_user(non_reviewer).can_publish_subpage()
    assert not learn.permissions_for_user(non_reviewer).can_reorder_children()
    assert learn.permissions_for_user(medical_reviewer).can_publish_subpage()


def test_the_same_users_may_still_publish_press_releases(non_reviewer, newsroom):
    if non_reviewer.groups.filter(name="Editors").exists():
        pytest.skip("Wagtail's Editors group publishes nothing")
    assert newsroom.permissions_for_user(non_reviewer).can_publish_subpage()


def test_forged_publish_of_a_new_article_saves_a_draft(
    client, non_reviewer, learn, elena
):
    client.force_login(non_reviewer)
    client.post(
        add_url(ArticlePage, learn),
        article_form(elena, elena, **{"action-publish": "publish"}),
    )
    assert not ArticlePage.objects.get(slug="ketamine-and-sleep").live


def test_forged_publish_and_schedule_of_an_article_do_nothing_live(
    client, non_reviewer, draft_article, elena
):
    client.force_login(non_reviewer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft_article.pk])
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    for extra in ({}, {"go_live_at": tomorrow.strftime("%Y-%m-%d %H:%M")}):
        response = client.post(
            edit_url,
            article_form(
                elena,
                elena,
                article=draft_article,
                **{"action-publish": "publish", **extra},
            ),
        )
        assert response.status_code in (200, 302)
        draft_article.refresh_from_db()
        assert not draft_article.live
        assert not Revision.page_revisions.filter(
            object_id=str(draft_article.pk), approved_go_live_at__isnull=False
        ).exists()


def test_the_same_forged_post_from_a_reviewer_publishes(
    client, medical_reviewer, draft_article, elena
):
    """The control for the tests above: the form is valid and would publish."""
    client.force_login(medical_reviewer)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft_article.pk]),
        article_form(
            elena, elena, article=draft_article, **{"action-publish": "publish"}
        ),
    )
    draft_article.refresh_from_db()
    assert draft_article.live


def test_bulk_publish_unpublish_and_copy_refuse_articles(
    client, non_reviewer, learn, elena, draft_article
):
    live_article = make_article(
        learn, reviewer=elena, authors=[elena], title="Live one", slug="live-one"
    )
    client.force_login(non_reviewer)

    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={draft_article.pk}",
        {"include_descendants": ""},
    )
    client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    client.post(
        reverse("wagtailadmin_pages:copy", args=[live_article.pk]),
        {
            "new_title": "Copied",
            "new_slug": "copied",
            "new_parent_page": learn.pk,
            "publish_copies": "on",
        },
    )

    draft_article.refresh_from_db()
    live_article.refresh_from_db()
    assert not draft_article.live
    assert live_article.live
    copy = ArticlePage.objects.filter(slug="copied").first()
    assert copy is None or not copy.live


def test_medical_reviewers_group_approves_the_medical_review_workflow(learn):
    task = learn.get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MEDICAL_REVIEWERS]
