"""The roles that run the site (home/migrations/0004_roles_for_everyday_work.py):
what each may and may not do, through the admin's screens and Wagtail's permission
API, on the demo site."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import Page, Site

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MARKETING_EDITORS = "Marketing editors"
SITE_ADMINISTRATORS = "Site administrators"
ROLES = [
    MARKETING_EDITORS,
    "Medical reviewers",
    "Location managers",
    SITE_ADMINISTRATORS,
    "Editors",
    "Moderators",
]
NO_PERMISSION = "Sorry, you do not have permission to access this area."
ARTICLE_SECTION_TYPES = {"articlepage", "articleindexpage"}


@pytest.fixture
def editor(demo_site):
    return make_user("editor", groups=[MARKETING_EDITORS])


def menu_urls(items):
    """Every address in the admin's sidebar (submenus included)."""
    urls = []
    for item in items:
        if hasattr(item, "menu"):
            urls += menu_urls(item.menu.registered_menu_items)
        elif item.url.startswith("/admin/"):
            urls.append(item.url)
    return urls


def every_admin_screen():
    """The sidebar's screens, and the editors of the site's settings and menus."""
    site = Site.objects.get(is_default_site=True)
    return sorted(
        {
            *menu_urls(admin_menu.registered_menu_items),
            reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk]),
            reverse(
                "wagtailsettings:edit", args=["wagtailseo", "seosettings", site.pk]
            ),
            "/admin/wagtailmenus/flatmenu/edit/1/",
            "/admin/consultation-requests/inspect/1/",
            reverse("wagtailadmin_explore", args=[site.root_page_id]),
        }
    )


def page_types(user):
    """{page type: permission tester} for one page of each type in the demo."""
    testers = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        testers.setdefault(page._meta.model_name, page.permissions_for_user(user))
    return testers


def test_marketing_editor_publishes_and_moves_every_page_type_but_articles(editor):
    testers = page_types(editor)
    assert {
        "homepage",
        "standardpage",
        "locationindexpage",
        "locationpage",
        "providerindexpage",
        "providerpage",
        "consultationformpage",
        "newsroompage",
        "pressreleasepage",
    } <= set(testers)
    for page_type, tester in testers.items():
        article_section = page_type in ARTICLE_SECTION_TYPES
        assert tester.can_edit(), page_type
        assert tester.can_publish() is not article_section, page_type
        assert tester.can_unpublish() is not article_section, page_type
        assert tester.can_unschedule() is not article_section, page_type
        if tester.page.is_leaf():
            assert tester.can_move() is not article_section, page_type


def test_editor_publishes_a_location_without_anybody_approving(client, editor):
    location = Page.objects.get(slug="austin-clarksville").specific
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[location.pk]))
    html = edit.content.decode()
    assert 'name="action-publish"' in html
    assert "Submit to Moderators approval" not in html


def test_marketing_editor_opens_menus_settings_snippets_and_media(client, editor):
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    screens = [
        "/admin/wagtailmenus/mainmenu/",
        "/admin/wagtailmenus/flatmenu/",
        reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk]),
        reverse("wagtailsettings:edit", args=["wagtailseo", "seosettings", site.pk]),
        "/admin/snippets/home/treatment/",
        "/admin/snippets/providers/specialty/",
        "/admin/snippets/providers/condition/",
        "/admin/snippets/articles/topic/",
        "/admin/snippets/articles/boilerplate/",
        "/admin/snippets/articles/mediacontact/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/redirects/",
    ]
    for url in screens:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert NO_PERMISSION not in response.content.decode(), url
    for codename in ("delete_image", "delete_document"):
        assert Group.objects.get(name=MARKETING_EDITORS).collection_permissions.filter(
            permission__codename=codename
        )


def test_marketing_editor_sees_no_consultation_requests_nor_their_recipients(
    client, editor
):
    client.force_login(editor)
    inbox = client.get("/admin/consultation-requests/", follow=True)
    assert NO_PERMISSION in inbox.content.decode()
    assert not editor.has_perm("locations.view_consultationrequest")
    assert not editor.has_perm("locations.change_location_recipients")
    dashboard = client.get("/admin/").content.decode()
    assert "Consultation requests" not in dashboard


def test_site_administrator_manages_users_groups_and_workflows(client, demo_site):
    administrator = make_user("site-admin", groups=[SITE_ADMINISTRATORS])
    assert not administrator.is_superuser
    client.force_login(administrator)
    for url in ("/admin/users/", "/admin/groups/", "/admin/workflows/list/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert NO_PERMISSION not in response.content.decode(), url
    assert client.get("/admin/consultation-requests/", follow=True).redirect_chain


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_screen_answers_500_to_any_role(client, demo_site, role):
    """A screen a role may not use answers Wagtail's permission message or 404."""
    user = make_user(f"member-{role.lower().replace(' ', '-')}", groups=[role])
    client.force_login(user)
    client.raise_request_exception = False
    screens = every_admin_screen()
    assert "/admin/wagtailmenus/mainmenu/" in screens  # 500 before (issue 8)
    for url in screens:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (url, response.status_code)
        if response.status_code == 302 and response["Location"] == "/admin/":
            followed = client.get(url, follow=True)
            assert NO_PERMISSION in followed.content.decode(), url
