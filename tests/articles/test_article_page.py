import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from home.models import ClinicSettings
from tests.factories import (
    ArticlePageFactory,
    StandardPageFactory,
    TopicFactory,
    make_article,
)
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db


def expert_quote(provider, words="Ketamine opens a window for change."):
    return ("expert_quote", {"provider": provider, "quote": words})


def test_byline_names_authors_and_reviewer_with_credentials_and_date(
    client, learn, elena, hannah, james
):
    article = make_article(
        learn,
        reviewer=james,
        authors=[elena, hannah],
        last_reviewed=datetime.date(2024, 3, 4),
    )

    byline = soup(client.get(article.url)).select_one(".byline")

    text = " ".join(byline.get_text(" ").split())
    assert text == (
        "Written by Elena Marquez, MD and Hannah Cho, LPC · Medically reviewed by "
        "James Whitfield, DO on March 4, 2024"
    )
    links = {a.get_text(): a["href"] for a in byline.find_all("a")}
    assert links == {
        "Elena Marquez, MD": elena.url,
        "Hannah Cho, LPC": hannah.url,
        "James Whitfield, DO": james.url,
    }
    assert byline.find("time")["datetime"] == "2024-03-04"


def test_byline_does_not_link_to_unpublished_providers(client, learn, elena, james):
    article = make_article(learn, reviewer=james, authors=[elena])
    elena.unpublish()

    byline = soup(client.get(article.url)).select_one(".byline")

    assert "Elena Marquez, MD" in byline.get_text()
    assert [a.get_text() for a in byline.find_all("a")] == ["James Whitfield, DO"]


def test_article_shows_reading_time_references_disclaimer_and_consultation_button(
    client, home_page, learn, elena
):
    consultation = StandardPageFactory(parent=home_page, title="Consultation")
    clinic = ClinicSettings.for_site(Site.objects.get())
    clinic.medical_disclaimer = "<p>Talk to your own clinician first.</p>"
    clinic.consultation_page = consultation
    clinic.save()
    words = " ".join(["word"] * 650)
    article = make_article(
        learn,
        reviewer=elena,
        authors=[elena],
        body=[("paragraph", f"<p>{words}</p>")],
        references=[
            ("A trial of ketamine", "JAMA Psychiatry, 2014", "https://doi.org/10.1/x"),
            ("A consensus statement", "JAMA Psychiatry, 2017", ""),
        ],
    )

    response = client.get(article.url)
    page = soup(response)

    assert "4 min read" in visible_text(response)
    references = page.select(".references li")
    assert [li.get_text(" ", strip=True) for li in references] == [
        "A trial of ketamine . JAMA Psychiatry, 2014.",
        "A consensus statement . JAMA Psychiatry, 2017.",
    ]
    assert references[0].find("a")["href"] == "https://doi.org/10.1/x"
    assert page.select_one(".disclaimer").get_text(strip=True) == (
        "Talk to your own clinician first."
    )
    assert page.select_one(".cta-panel a")["href"] == consultation.url


def test_expert_quote_shows_the_providers_current_name_credentials_and_photo(
    client, learn, elena, james
):
    article = make_article(
        learn, reviewer=james, authors=[james], body=[expert_quote(elena)]
    )
    assert client.get(article.url).status_code == 200  # cached fragments now warm

    elena.title = "Elena Marquez-Ruiz"
    elena.credentials = "MD, PhD"
    elena.save_revision().publish()
    quote = soup(client.get(article.url)).select_one(".expert-quote")

    assert "Ketamine opens a window for change." in quote.blockquote.get_text()
    assert quote.select_one(".expert-quote__name").get_text() == (
        "Elena Marquez-Ruiz, MD, PhD"
    )
    assert quote.select_one(".expert-quote__name")["href"] == elena.url
    assert quote.select_one(".expert-quote__role").get_text() == (
        "Psychiatrist and medical director"
    )
    assert quote.find("img")["alt"] == ""  # the name beside it says who it is


def test_expert_quotes_in_a_press_release_follow_a_rename_too(client, newsroom, elena):
    from tests.factories import make_press_release

    release = make_press_release(newsroom, body=[expert_quote(elena)])
    client.get(release.url)

    elena.title = "Elena M. Marquez"
    elena.save_revision().publish()

    assert "Elena M. Marquez, MD" in visible_text(client.get(release.url))


def test_key_takeaways_and_safety_callout_render_with_their_headings(
    client, learn, elena
):
    article = make_article(
        learn,
        reviewer=elena,
        authors=[elena],
        body=[
            (
                "key_takeaways",
                {"heading": "Key takeaways", "points": ["First point", "Second"]},
            ),
            (
                "safety_callout",
                {
                    "heading": "Who should wait",
                    "text": "<p>People with high blood pressure.</p>",
                    "show_crisis_line": True,
                },
            ),
        ],
    )

    page = soup(client.get(article.url))

    takeaways = page.select_one(".key-takeaways")
    assert takeaways.h2.get_text() == "Key takeaways"
    assert [li.get_text() for li in takeaways.find_all("li")] == [
        "First point",
        "Second",
    ]
    callout = page.select_one(".callout--safety")
    assert callout.h2.get_text() == "Who should wait"
    assert "People with high blood pressure." in callout.get_text()
    assert "988" in callout.select_one(".callout__crisis").get_text()


def test_related_articles_share_a_topic_and_leave_out_drafts(client, learn, elena):
    ptsd, sleep = TopicFactory(name="PTSD"), TopicFactory(name="Sleep")
    article = make_article(learn, reviewer=elena, authors=[elena], topics=[ptsd])
    same_topic = make_article(
        learn, reviewer=elena, authors=[elena], topics=[ptsd, sleep]
    )
    make_article(learn, reviewer=elena, authors=[elena], topics=[sleep])
    draft = make_article(learn, reviewer=elena, authors=[elena], topics=[ptsd])
    draft.unpublish()

    related = soup(client.get(article.url)).select(".related-articles .card__title")

    assert [h.get_text(strip=True) for h in related] == [same_topic.title]


def test_article_topics_link_to_the_filtered_index(client, learn, elena):
    topic = TopicFactory(name="PTSD and trauma")
    article = make_article(learn, reviewer=elena, authors=[elena], topics=[topic])

    link = soup(client.get(article.url)).select_one(".article__topics a")

    assert link.get_text() == "PTSD and trauma"
    assert link["href"] == f"{learn.url}?topic=ptsd-and-trauma"


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [
        (datetime.date(2024, 1, 5), datetime.date(2025, 1, 5)),
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)),
    ],
)
def test_next_review_defaults_to_a_year_after_the_last(learn, elena, reviewed, due):
    article = make_article(
        learn, reviewer=elena, authors=[elena], last_reviewed=reviewed
    )
    assert article.next_review_due is None
    assert article.review_due == due


def test_a_new_review_moves_the_next_one_on_unless_the_editor_set_a_date(learn, elena):
    article = make_article(
        learn, reviewer=elena, authors=[elena], last_reviewed=datetime.date(2024, 1, 5)
    )
    article.last_reviewed = datetime.date(2024, 12, 20)
    assert article.review_due == datetime.date(2025, 12, 20)

    article.next_review_due = datetime.date(2025, 6, 1)
    assert article.review_due == datetime.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"slug": "feed"}, "slug"),
        (
            {"last_reviewed": timezone.localdate() + datetime.timedelta(days=1)},
            "last_reviewed",
        ),
        (
            {
                "last_reviewed": datetime.date(2024, 5, 1),
                "next_review_due": datetime.date(2024, 4, 1),
            },
            "next_review_due",
        ),
    ],
)
def test_article_refuses_impossible_values_with_a_message_on_the_field(
    learn, elena, fields, field_in_error
):
    article = ArticlePageFactory.build(medical_reviewer=elena, **fields)
    article.path, article.depth = f"{learn.path}0001", learn.depth + 1

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert field_in_error in error.value.message_dict


def test_articles_go_only_under_the_articles_index(home_page, learn, newsroom):
    assert ArticlePage.can_create_at(learn)
    assert not ArticlePage.can_create_at(home_page)
    assert not ArticlePage.can_create_at(newsroom)


def test_saving_a_draft_keeps_the_live_article_and_its_cached_fragments(
    client, learn, elena
):
    from home.cache import content_generation

    article = make_article(learn, title="Live title", reviewer=elena, authors=[elena])
    client.get(article.url)
    generation = content_generation()

    article.title = "Draft title"
    article.save_revision()

    assert content_generation() == generation
    assert "Live title" in visible_text(client.get(article.url))


def test_expert_quote_follows_a_provider_changed_without_a_new_revision(
    client, learn, elena, james
):
    article = make_article(
        learn, reviewer=james, authors=[james], body=[expert_quote(elena)]
    )
    client.get(article.url)

    elena.title = "Elena Ruiz"
    elena.save()

    assert "Elena Ruiz, MD" in visible_text(client.get(article.url))


def test_an_article_made_private_leaves_the_list_at_once(client, learn, elena):
    from wagtail.models import PageViewRestriction

    kept = make_article(learn, title="Open article", reviewer=elena, authors=[elena])
    hidden = make_article(learn, title="Staff only", reviewer=elena, authors=[elena])
    assert "Staff only" in visible_text(client.get(learn.url))

    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )

    listing = visible_text(client.get(learn.url))
    assert "Staff only" not in listing
    assert kept.title in listing
