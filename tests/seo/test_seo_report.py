"""The SEO report (Reports > SEO report): every live page of the site with its
problems, filterable, exportable, open to marketing editors, at a bounded cost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtailmenus.models import MainMenu, MainMenuItem

from home.models import StandardPage
from tests.factories import ImageFactory, StandardPageFactory, make_article, make_user
from tests.helpers import soup

# The report reads Wagtail's reference index, updated in a background task: at once.
pytestmark = [pytest.mark.django_db, pytest.mark.immediate_tasks]

REPORT = reverse("seo_report:index")


def rows(response):
    """{page title: problems text} of the report's table."""
    table = soup(response).find("table", class_="listing")
    found = {}
    for row in table.find("tbody").find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        if cells:
            found[cells[0]] = cells[-1]
    return found


def good_page(parent, title, **kwargs):
    return StandardPageFactory(
        parent=parent,
        title=title,
        search_description=f"All about {title.lower()}.",
        hero_image=ImageFactory(),
        **kwargs,
    )


@pytest.fixture
def in_menu(home_page):
    """A page in the main menu (so not an orphan)."""

    def add(page):
        MainMenuItem.objects.create(
            menu=MainMenu.get_for_site(Site.objects.get()), link_page=page
        )
        return page

    return add


def test_the_report_lists_each_page_with_its_problems(
    client, home_page, marketing_editor, in_menu, learn, reviewer
):
    in_menu(good_page(home_page, "Parking and directions to our clinics"))
    in_menu(good_page(home_page, "Same title for two different pages"))
    in_menu(good_page(home_page, "Same title for two different pages", slug="twin"))
    in_menu(
        StandardPageFactory(parent=home_page, title="A page nobody described", intro="")
    )
    orphan = good_page(home_page, "An orphan page nobody links to")
    draft = StandardPageFactory(parent=home_page, title="Old clinic", live=False)
    in_menu(
        good_page(
            home_page,
            "A page that links to a draft page",
            body=[("paragraph", f'<p><a linktype="page" id="{draft.pk}">x</a></p>')],
        )
    )
    in_menu(learn)
    make_article(
        learn,
        reviewer,
        authors=[reviewer],
        title="An article whose review is long overdue",
        hero_image=ImageFactory(),
        last_reviewed=timezone.localdate() - datetime.timedelta(days=500),
    )
    client.force_login(marketing_editor)

    found = rows(client.get(REPORT))

    assert "Parking and directions to our clinics" not in found
    assert found["Same title for two different pages"].startswith(
        "Same title as another page (1 other)"
    )
    assert "No meta description" in found["A page nobody described"]
    assert "No social image" in found["A page nobody described"]
    assert found[orphan.title] == "In no menu and linked from nowhere"
    assert found["A page that links to a draft page"] == (
        "Link to a page visitors cannot open (“Old clinic” is not published)"
    )
    assert "Medical review overdue" in found["An article whose review is long overdue"]
    assert "Old clinic" not in found  # only live pages are audited


def test_hidden_pages_still_in_the_sitemap_are_listed(
    client, home_page, marketing_editor, monkeypatch
):
    page = good_page(home_page, "A page hidden from search engines", noindex=True)
    client.force_login(marketing_editor)
    assert page.get_sitemap_urls() == []  # hidden pages leave the sitemap...
    assert 'name="robots" content="noindex"' in client.get(page.url).content.decode()

    # ...unless a page type offers its own sitemap entries regardless.
    monkeypatch.setattr(
        StandardPage, "get_sitemap_urls", lambda self, request=None: [{"location": 1}]
    )

    assert (
        "Hidden from search engines but in the sitemap"
        in (rows(client.get(REPORT))[page.title])
    )


def test_the_report_filters_by_problem_and_section(
    client, home_page, marketing_editor, in_menu
):
    about = in_menu(good_page(home_page, "About our clinics and our people"))
    StandardPageFactory(parent=about, title="Short")
    good_page(home_page, "Another page in no menu")
    client.force_login(marketing_editor)

    by_problem = rows(client.get(REPORT, {"problem": "title-too-short"}))
    by_section = rows(client.get(REPORT, {"section": about.path}))

    assert "Short" in by_problem and "Another page in no menu" not in by_problem
    assert all("Title too short" in problems for problems in by_problem.values())
    assert set(by_section) == {"Short"}


def test_the_report_exports_to_csv_and_xlsx(client, home_page, marketing_editor):
    StandardPageFactory(parent=home_page, title="Short")
    client.force_login(marketing_editor)

    csv = client.get(REPORT, {"export": "csv"})
    xlsx = client.get(REPORT, {"export": "xlsx"})

    text = b"".join(csv.streaming_content).decode()
    assert text.splitlines()[0] == "Page,Address,Section,Type,Problems"
    assert "Short,http://testserver/short" in text and "Title too short" in text
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_marketing_editors_may_open_the_report_and_others_may_not(
    client, home_page, marketing_editor
):
    someone = make_user("someone", permissions=["wagtailadmin.access_admin"])

    client.force_login(marketing_editor)
    allowed = client.get(REPORT)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(someone)
    refused = client.get(REPORT)

    assert allowed.status_code == 200
    assert "SEO report" in menu and "Pages not found" in menu
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("pages", [3, 30])
def test_the_report_costs_the_same_queries_however_many_pages(
    client, home_page, marketing_editor, django_assert_max_num_queries, pages
):
    for number in range(pages):
        parent = StandardPageFactory(parent=home_page, title=f"Section {number}")
        StandardPageFactory(
            parent=parent,
            title=f"Page {number}",
            body=[("paragraph", f'<p><a linktype="page" id="{parent.pk}">x</a></p>')],
        )
    client.force_login(marketing_editor)
    client.get(REPORT)  # warm Wagtail's caches (site root paths)

    with django_assert_max_num_queries(40):
        assert client.get(REPORT).status_code == 200
