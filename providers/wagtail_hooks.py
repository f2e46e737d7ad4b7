from wagtail import hooks

from providers.models import ProviderIndexPage


@hooks.register("register_demo_content", order=20)
def load_providers_demo(builder):
    providers = builder.child_page(
        builder.home,
        ProviderIndexPage(
            title="Our providers",
            slug="providers",
            show_in_menus=True,
            intro="Meet the psychiatrists, nurse practitioners and therapists who "
            "care for our patients.",
        ),
    )
    builder.main_menu_item(builder.site, providers, sort_order=20)
    builder.feature(providers)
