"""Every page type of this app renders within its query budget, and listings take the
same number of queries however many items they hold.

"Warm" is the usual visit: renditions exist and the page's cached fragments are
fresh. "Cold" is the first visit after anything was published (the fragment cache
emptied): it must not grow with the number of items either."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem
from wagtailseo.models import SeoSettings

from home.models import ClinicSettings
from tests.factories import (
    BoilerplateFactory,
    ImageFactory,
    MediaContactFactory,
    StandardPageFactory,
    TopicFactory,
    make_article,
    make_press_release,
    make_provider,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PAGE_QUERY_BUDGET = 12


@pytest.fixture(autouse=True)
def furnished_site(home_page, learn, newsroom, provider_index):
    """Settings, menus and a consultation page, as on the real site."""
    site = Site.objects.get()
    consultation = StandardPageFactory(parent=home_page, title="Consultation")
    clinic = ClinicSettings.for_site(site)
    clinic.group_name, clinic.main_phone = "Test Clinic Group", "+15125550100"
    clinic.consultation_page = consultation
    clinic.save()
    seo = SeoSettings.for_site(site)
    seo.struct_org_type = "MedicalOrganization"
    seo.og_image_default = ImageFactory()
    seo.save()
    menu = MainMenu.get_for_site(site)
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    for number, page in enumerate((learn, newsroom, provider_index, consultation)):
        MainMenuItem.objects.create(menu=menu, link_page=page, sort_order=number)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=number)


def warm_queries(client, url):
    client.get(url)
    client.get(url)  # the first view saved new renditions, which moved content on
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def cold_queries(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def body_with_quotes(providers):
    return [
        ("key_takeaways", {"heading": "Key takeaways", "points": ["One", "Two"]}),
        ("paragraph", "<p>Some plain words about treatment.</p>"),
        *(
            ("expert_quote", {"provider": provider, "quote": "A thoughtful remark."})
            for provider in providers
        ),
        (
            "safety_callout",
            {
                "heading": "Safety",
                "text": "<p>Take care.</p>",
                "show_crisis_line": True,
            },
        ),
        (
            "faq",
            {
                "heading": "Questions",
                "items": [{"question": "Does it hurt?", "answer": "<p>No.</p>"}],
            },
        ),
    ]


def add_providers(provider_index, count):
    return [
        make_provider(provider_index, headshot=ImageFactory()) for _ in range(count)
    ]


def add_articles(learn, reviewer, count, topics=()):
    return [
        make_article(
            learn,
            reviewer=reviewer,
            authors=[reviewer],
            hero_image=ImageFactory(),
            topics=topics,
        )
        for _ in range(count)
    ]


def add_releases(newsroom, count):
    return [make_press_release(newsroom, image=ImageFactory()) for _ in range(count)]


def rich_article(learn, providers, topics, related_count):
    """An article with several authors, quotes, references and related articles."""
    add_articles(learn, providers[0], related_count, topics=topics)
    return make_article(
        learn,
        reviewer=providers[0],
        authors=providers[:3],
        hero_image=ImageFactory(),
        topics=topics,
        body=body_with_quotes(providers),
        references=[
            (f"Study {n}", "JAMA Psychiatry, 2020", f"https://doi.org/10.1/{n}")
            for n in range(len(providers))
        ],
    )


def test_article_index_takes_the_same_queries_with_5_and_50_articles(
    client, learn, provider_index, django_assert_max_num_queries
):
    reviewer = add_providers(provider_index, 1)[0]
    topic = TopicFactory()
    add_articles(learn, reviewer, 5, topics=[topic])
    few = (warm_queries(client, learn.url), cold_queries(client, learn.url))

    add_articles(learn, reviewer, 45, topics=[topic, TopicFactory()])
    many = (warm_queries(client, learn.url), cold_queries(client, learn.url))

    assert many == few
    for url in (learn.url, f"{learn.url}?topic={topic.slug}&page=2"):
        warm_queries(client, url)
        with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
            client.get(url)


def test_newsroom_takes_the_same_queries_with_5_and_50_releases(
    client, newsroom, django_assert_max_num_queries
):
    newsroom.media_contact = MediaContactFactory()
    newsroom.save_revision().publish()
    add_releases(newsroom, 5)
    few = (warm_queries(client, newsroom.url), cold_queries(client, newsroom.url))

    add_releases(newsroom, 45)
    many = (warm_queries(client, newsroom.url), cold_queries(client, newsroom.url))

    assert many == few
    warm_queries(client, newsroom.url)
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        client.get(newsroom.url)


def test_article_page_renders_within_budget_however_rich_the_article(
    client, learn, provider_index, django_assert_max_num_queries
):
    providers = add_providers(provider_index, 4)
    topics = [TopicFactory(), TopicFactory()]
    simple = rich_article(learn, providers[:1], topics[:1], related_count=1)
    rich = rich_article(learn, providers, topics, related_count=4)

    assert warm_queries(client, rich.url) == warm_queries(client, simple.url)
    assert cold_queries(client, rich.url) == cold_queries(client, simple.url)
    warm_queries(client, rich.url)
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(rich.url)
    assert response.content.decode().count('class="expert-quote"') == 4


def test_press_release_renders_within_budget(
    client, newsroom, provider_index, django_assert_max_num_queries
):
    BoilerplateFactory(is_default=True)
    providers = add_providers(provider_index, 3)
    release = make_press_release(
        newsroom,
        image=ImageFactory(),
        media_contact=MediaContactFactory(),
        body=body_with_quotes(providers),
    )
    warm_queries(client, release.url)

    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(release.url)

    assert response.content.decode().count('class="expert-quote"') == 3


def test_feeds_take_the_same_queries_however_many_items(
    client, learn, newsroom, provider_index
):
    authors = add_providers(provider_index, 2)
    topic = TopicFactory()

    def add_to_learn(count):
        for _ in range(count):
            make_article(learn, reviewer=authors[0], authors=authors, topics=[topic])

    def add_to_newsroom(count):
        add_releases(newsroom, count)

    for index, add in ((learn, add_to_learn), (newsroom, add_to_newsroom)):
        url = f"{index.url}feed/"
        add(2)
        few = warm_queries(client, url)
        add(18)
        assert warm_queries(client, url) == few
