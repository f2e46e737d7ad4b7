"""The main and footer menus show what the editor put in them, where they put it
(home/menus.py)."""

import pytest
from bs4 import BeautifulSoup
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from home.factories import StandardPageFactory
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def nav_links(html, label):
    nav = BeautifulSoup(html, "html.parser").find("nav", attrs={"aria-label": label})
    return [link.get_text(strip=True) for link in nav.find_all("a")]


def menu_form_data(html):
    """The menu editor's form as a browser would send it unchanged."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "POST"})
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name:
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def add_item(data, prefix, page):
    """Append an item for `page` at the end, as "Add menu item" does."""
    number = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-{number}-link_page": str(page.pk),
            f"{prefix}-{number}-ORDER": str(number + 1),
            f"{prefix}-{number}-id": "",
        }
    )
    data[f"{prefix}-TOTAL_FORMS"] = str(number + 1)
    return data


@pytest.fixture
def menus(home_page):
    """A main menu and a footer whose items have the old demo's sort orders 10, 20."""
    site = home_page.get_site()
    main, footer = (
        MainMenu.get_for_site(site),
        FlatMenu.objects.create(site=site, handle="footer", title="Footer"),
    )
    for number, title in enumerate(["Locations", "Learn"], start=1):
        page = StandardPageFactory(parent=home_page, title=title, show_in_menus=True)
        MainMenuItem.objects.create(menu=main, link_page=page, sort_order=number * 10)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=number * 10)
    return main, footer


def test_a_page_chosen_for_a_menu_shows_although_show_in_menus_is_unticked(
    client, home_page, menus
):
    main, footer = menus
    contact = StandardPageFactory(parent=home_page, title="Contact us")
    assert not contact.show_in_menus
    MainMenuItem.objects.create(menu=main, link_page=contact, sort_order=30)
    FlatMenuItem.objects.create(menu=footer, link_page=contact, sort_order=30)

    html = client.get(home_page.url).content.decode()

    assert nav_links(html, "Main") == ["Locations", "Learn", "Contact us"]
    assert nav_links(html, "Footer") == ["Locations", "Learn", "Contact us"]


def test_submenus_still_list_only_children_ticked_show_in_menus(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    StandardPageFactory(parent=about, title="Our team", show_in_menus=True)
    StandardPageFactory(parent=about, title="Careers")
    MainMenuItem.objects.create(
        menu=MainMenu.get_for_site(home_page.get_site()),
        link_page=about,
        allow_subnav=True,
    )

    html = client.get(home_page.url).content.decode()

    assert nav_links(html, "Main") == ["About us", "Our team"]


def test_unpublished_pages_stay_out_of_menus_even_when_chosen(client, home_page, menus):
    main, _ = menus
    draft = StandardPageFactory(parent=home_page, title="Draft", live=False)
    MainMenuItem.objects.create(menu=main, link_page=draft, sort_order=1)

    assert "Draft" not in nav_links(client.get(home_page.url).content.decode(), "Main")


@pytest.mark.parametrize(
    ("edit_url", "prefix", "label"),
    [
        ("/admin/wagtailmenus/mainmenu/edit/{site}/", "menu_items", "Main"),
        ("/admin/wagtailmenus/flatmenu/edit/{footer}/", "menu_items", "Footer"),
    ],
    ids=["main-menu", "footer"],
)
def test_an_item_added_in_the_editor_shows_where_the_editor_put_it(
    client, home_page, menus, edit_url, prefix, label
):
    main, footer = menus
    new_page = StandardPageFactory(parent=home_page, title="Austin", live=True)
    client.force_login(make_user("editor", groups=["Marketing editors"]))
    url = edit_url.format(site=main.site_id, footer=footer.pk)

    data = add_item(menu_form_data(client.get(url).content.decode()), prefix, new_page)
    response = client.post(url, data)

    assert response.status_code == 302
    html = client.get(home_page.url).content.decode()
    assert nav_links(html, label) == ["Locations", "Learn", "Austin"]
    menu = main if label == "Main" else footer
    items = menu.get_menu_items_manager().order_by("sort_order")
    assert list(items.values_list("sort_order", flat=True)) == [0, 1, 2]


def test_demo_menus_use_ordinary_sort_orders(demo_site):
    for menu in [*MainMenu.objects.all(), *FlatMenu.objects.all()]:
        orders = list(
            menu.get_menu_items_manager()
            .order_by("sort_order")
            .values_list("sort_order", flat=True)
        )
        assert orders == list(range(len(orders))), menu
