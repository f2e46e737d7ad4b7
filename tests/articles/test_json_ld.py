import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site
from wagtailseo.models import SeoSettings

from tests.factories import (
    BoilerplateFactory,
    ImageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    TopicFactory,
    make_article,
    make_press_release,
)
from tests.helpers import json_ld, json_ld_of_type, soup

pytestmark = pytest.mark.django_db

ORGANIZATION_ID = "http://testserver/#organization"


@pytest.fixture(autouse=True)
def organization(home_page):
    seo = SeoSettings.for_site(Site.objects.get())
    seo.struct_org_type = "MedicalOrganization"
    seo.struct_org_name = "Test Clinic Group"
    seo.save()


def test_article_is_a_medical_web_page_with_authors_reviewer_and_review_date(
    client, learn, elena, hannah, james
):
    article = make_article(
        learn,
        title="How ketamine therapy works",
        summary="What ketamine does in the brain.",
        reviewer=james,
        authors=[elena, hannah],
        last_reviewed=datetime.date(2024, 2, 10),
        hero_image=ImageFactory(),
        topics=[TopicFactory(name="Ketamine therapy")],
        references=[("A trial", "JAMA Psychiatry, 2014", "https://doi.org/10.1/x")],
    )

    response = client.get(article.url)
    page = json_ld_of_type(response, "MedicalWebPage")

    url = "http://testserver/learn/how-ketamine-therapy-works/"
    assert page["@context"] == "https://schema.org"
    assert page["url"] == url
    assert page["description"] == "What ketamine does in the brain."
    assert page["lastReviewed"] == "2024-02-10"
    assert page["reviewedBy"] == {
        "@type": "IndividualPhysician",
        "@id": "http://testserver/providers/james-whitfield/#provider",
        "name": "James Whitfield",
        "url": "http://testserver/providers/james-whitfield/",
        "practicesAt": [],
    }
    assert page["publisher"] == {"@id": ORGANIZATION_ID}
    assert page["about"] == [{"@type": "Thing", "name": "Ketamine therapy"}]
    assert page["mainEntity"] == {"@id": f"{url}#article"}
    organization = json_ld_of_type(response, "MedicalOrganization")
    assert organization["@id"] == ORGANIZATION_ID


def test_health_article_is_also_an_article_for_rich_results(
    client, learn, elena, hannah, james
):
    article = make_article(
        learn,
        title="How ketamine therapy works",
        reviewer=james,
        authors=[elena, hannah],
        hero_image=ImageFactory(),
        references=[("A trial", "JAMA Psychiatry, 2014", "https://doi.org/10.1/x")],
    )

    data = json_ld_of_type(client.get(article.url), "Article")

    article.refresh_from_db()
    url = "http://testserver/learn/how-ketamine-therapy-works/"
    assert data["@id"] == f"{url}#article"
    assert data["mainEntityOfPage"] == {"@id": f"{url}#webpage"}
    assert data["headline"] == "How ketamine therapy works"
    assert data["image"].startswith("http://testserver/media/images/")
    published = timezone.localtime(article.first_published_at)
    assert data["datePublished"] == published.isoformat(timespec="seconds")
    assert data["datePublished"][-6:] in ("-05:00", "-06:00")  # America/Chicago
    assert data["dateModified"].startswith(str(timezone.localdate()))
    assert data["author"] == [
        {
            "@type": "IndividualPhysician",
            "@id": "http://testserver/providers/elena-marquez/#provider",
            "name": "Elena Marquez",
            "url": "http://testserver/providers/elena-marquez/",
            "practicesAt": [],
        },
        {
            "@type": "Person",
            "@id": "http://testserver/providers/hannah-cho/#provider",
            "name": "Hannah Cho",
            "url": "http://testserver/providers/hannah-cho/",
            "honorificSuffix": "LPC",
            "jobTitle": "Licensed professional counselor",
            "worksFor": [{"@id": ORGANIZATION_ID}],
        },
    ]
    assert data["publisher"] == {"@id": ORGANIZATION_ID}
    assert data["citation"] == [
        {"@type": "CreativeWork", "name": "A trial", "url": "https://doi.org/10.1/x"}
    ]


def test_article_authors_name_the_clinics_they_practise_at(client, learn, elena):
    clinic = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=learn.get_parent()), slug="austin"
    )
    elena.locations.add(clinic)
    elena.save_revision().publish()
    article = make_article(learn, reviewer=elena, authors=[elena])

    author = json_ld_of_type(client.get(article.url), "Article")["author"][0]

    assert author["practicesAt"] == [
        {"@id": "http://testserver/locations/austin/#clinic"}
    ]


def test_author_ids_match_the_providers_own_structured_data(client, learn, elena):
    article = make_article(learn, reviewer=elena, authors=[elena])

    author = json_ld_of_type(client.get(article.url), "Article")["author"][0]
    provider = json_ld_of_type(client.get(elena.url), "IndividualPhysician")

    assert author["@id"] == provider["@id"]
    assert author["url"] == provider["url"]


def test_article_and_press_release_carry_breadcrumbs(client, learn, newsroom, elena):
    article = make_article(learn, reviewer=elena, authors=[elena], title="On sleep")
    release = make_press_release(newsroom, title="Clinic opens")

    for page, section in ((article, "Learn"), (release, "Newsroom")):
        crumbs = json_ld_of_type(client.get(page.url), "BreadcrumbList")
        assert [item["name"] for item in crumbs["itemListElement"]] == [
            "Home",
            section,
            page.title,
        ]
        assert crumbs["itemListElement"][-1]["item"] == page.full_url


def test_press_release_is_a_news_article_from_the_clinic_group(client, newsroom):
    release = make_press_release(
        newsroom,
        title="Clinic opens in Round Rock",
        subheadline="A third clinic for Williamson County.",
        summary="The group opened a clinic.",
        dateline_city="Round Rock",
        release_date=datetime.date(2026, 4, 2),
        newswire_name="Texas Health Wire",
        newswire_url="https://wire.example.com/release",
    )

    news = json_ld_of_type(client.get(release.url), "NewsArticle")

    assert news["headline"] == "Clinic opens in Round Rock"
    assert news["alternativeHeadline"] == "A third clinic for Williamson County."
    assert news["description"] == "The group opened a clinic."
    assert news["dateline"] == "ROUND ROCK, Texas"
    # The release date at the moment it was published, with the site's offset.
    assert news["datePublished"] == "2026-04-02T00:00:00-05:00"
    assert news["author"] == news["publisher"] == {"@id": ORGANIZATION_ID}
    assert news["mainEntityOfPage"] == release.full_url
    assert news["sameAs"] == "https://wire.example.com/release"


def test_every_json_ld_block_on_article_pages_parses(client, learn, newsroom, elena):
    BoilerplateFactory(is_default=True)
    article = make_article(
        learn,
        reviewer=elena,
        authors=[elena],
        body=[
            (
                "faq",
                {
                    "heading": "Questions",
                    "items": [{"question": "Does it hurt?", "answer": "<p>No.</p>"}],
                },
            )
        ],
    )
    release = make_press_release(newsroom)

    for url in (learn.url, article.url, newsroom.url, release.url):
        response = client.get(url)
        scripts = soup(response).find_all("script", type="application/ld+json")
        assert len(json_ld(response)) == len(scripts)
    assert json_ld_of_type(client.get(article.url), "FAQPage")
