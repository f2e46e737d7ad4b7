import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from articles.models.articles import last_review_due_by, one_year_after
from tests.factories import make_article
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def articles(learn, elena):
    def article(title, due_in_days, **kwargs):
        return make_article(
            learn,
            title=title,
            reviewer=elena,
            authors=[elena],
            last_reviewed=days_from_today(-300),
            next_review_due=days_from_today(due_in_days),
            **kwargs,
        )

    overdue = article("Overdue article", -3)
    due_soon = article("Due soon article", 20)
    article("Reviewed recently", 31)
    draft = article("Draft overdue", -10)
    draft.unpublish()
    # No date set: due a year after the last review.
    a_year_ago = make_article(
        learn,
        title="Reviewed 340 days ago",
        reviewer=elena,
        authors=[elena],
        last_reviewed=days_from_today(-340),
    )
    make_article(
        learn,
        title="Reviewed 300 days ago",
        reviewer=elena,
        authors=[elena],
        last_reviewed=days_from_today(-300),
    )
    return overdue, due_soon, a_year_ago


def panel(client):
    return soup(client.get(reverse("wagtailadmin_home"))).select_one(
        "#medical-reviews-due-section"
    )


@pytest.mark.parametrize("user", ["admin", "marketing_editor", "medical_reviewer"])
def test_panel_lists_overdue_and_soon_due_articles_with_edit_links(
    client, articles, request, user
):
    overdue, due_soon, a_year_ago = articles
    viewer = (
        request.getfixturevalue("admin_user")
        if user == "admin"
        else request.getfixturevalue(user)
    )
    client.force_login(viewer)

    found = panel(client)

    assert found is not None
    rows = found.select("tbody tr")
    assert [row.find("a").get_text() for row in rows] == [
        "Overdue article",
        "Due soon article",
        "Reviewed 340 days ago",
    ]
    assert rows[0].find("a")["href"] == reverse(
        "wagtailadmin_pages:edit", args=[overdue.pk]
    )
    assert "Overdue" in rows[0].get_text()
    assert "Overdue" not in rows[1].get_text()
    assert "Elena Marquez, MD" in rows[1].get_text()


def test_panel_is_hidden_from_users_who_cannot_edit_the_articles(
    client, articles, django_user_model
):
    outsider = django_user_model.objects.create_user("outsider", password="x-1")
    group = Group.objects.create(name="Admin visitors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider.groups.add(group)
    client.force_login(outsider)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert panel(client) is None


def test_panel_is_hidden_when_nothing_is_due(client, admin_user, learn, elena):
    make_article(
        learn,
        reviewer=elena,
        authors=[elena],
        last_reviewed=days_from_today(-1),
    )
    client.force_login(admin_user)

    assert panel(client) is None


@pytest.mark.parametrize(
    ("limit", "latest_review"),
    [
        (datetime.date(2025, 6, 30), datetime.date(2024, 6, 30)),
        (datetime.date(2025, 2, 28), datetime.date(2024, 2, 29)),
        (datetime.date(2028, 2, 29), datetime.date(2027, 2, 28)),
    ],
)
def test_last_review_due_by_is_the_inverse_of_a_year_later(limit, latest_review):
    assert last_review_due_by(limit) == latest_review
    assert one_year_after(latest_review) <= limit
    assert one_year_after(latest_review + datetime.timedelta(days=1)) > limit
