from wagtail import hooks

from articles.models import ArticleIndexPage


@hooks.register("register_demo_content", order=40)
def load_articles_demo(builder):
    articles = builder.child_page(
        builder.home,
        ArticleIndexPage(
            title="Learn",
            slug="learn",
            show_in_menus=True,
            intro="Plain-language articles on depression, anxiety, PTSD and the "
            "treatments we offer, each reviewed by one of our clinicians.",
        ),
    )
    builder.main_menu_item(builder.site, articles, sort_order=30)
    builder.feature(articles)
