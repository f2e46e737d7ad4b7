from wagtail import hooks

from locations.models import LocationIndexPage


@hooks.register("register_demo_content", order=10)
def load_locations_demo(builder):
    locations = builder.child_page(
        builder.home,
        LocationIndexPage(
            title="Locations",
            slug="locations",
            show_in_menus=True,
            intro="Find the clinic nearest to you, its opening hours and how to get "
            "there.",
        ),
    )
    builder.main_menu_item(builder.site, locations, sort_order=10, allow_subnav=True)
    builder.feature(locations)
    builder.flat_menu_item(builder.site, "footer", "Footer", locations, sort_order=5)
