"""The problems the SEO checks find on one page, in a marketing editor's words."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Site
from wagtailseo.models import SeoSettings

from seo.checks import PROBLEMS
from seo.editing import editing_findings, page_readability
from seo.readability import readability
from tests.factories import ImageFactory, StandardPageFactory, make_article

pytestmark = pytest.mark.django_db


def codes(page):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    return {item.code: item.detail for item in editing_findings(page, request)}


def test_every_problem_tells_the_editor_what_to_do():
    for problem in PROBLEMS.values():
        assert problem.label and problem.advice.endswith(".")
        assert len(problem.advice.split()) >= 8, problem.code


def test_a_well_made_page_has_no_problems(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Parking and directions to our clinics",
        search_description="Where to park and how to find each of our clinics.",
        hero_image=ImageFactory(),
    )

    assert codes(page) == {}


@pytest.mark.parametrize(
    ("title", "seo_title", "expected"),
    [
        ("About", "", "title-too-short"),
        ("A" * 70, "", "title-too-long"),
        ("About", "About our clinics and the people who work there", None),
    ],
)
def test_titles_of_about_30_to_60_characters(home_page, title, seo_title, expected):
    page = StandardPageFactory(
        parent=home_page, title=title, seo_title=seo_title, hero_image=ImageFactory()
    )

    found = codes(page)

    title_codes = {code for code in found if code.startswith("title")}
    assert title_codes == ({expected} if expected else set())


def test_meta_description_missing_or_over_160_characters(home_page):
    missing = StandardPageFactory(
        parent=home_page, title="No words here at all", intro=""
    )
    too_long = StandardPageFactory(
        parent=home_page, title="Far too many words here", search_description="x" * 161
    )

    assert "description-missing" in codes(missing)
    assert codes(too_long)["description-too-long"] == "161 characters"


def test_a_page_without_any_image_to_share_is_flagged(home_page):
    page = StandardPageFactory(parent=home_page, title="A page with no picture")
    assert "social-image-missing" in codes(page)

    seo = SeoSettings.for_site(Site.objects.get())
    seo.og_image_default = ImageFactory()
    seo.save()
    assert "social-image-missing" not in codes(page)


def test_links_to_unpublished_and_deleted_pages_are_flagged(home_page):
    draft = StandardPageFactory(parent=home_page, title="Old clinic", live=False)
    gone = StandardPageFactory(parent=home_page, title="Gone")
    gone_id = gone.pk
    page = StandardPageFactory(
        parent=home_page,
        title="Links to pages that do not work",
        body=[
            (
                "paragraph",
                f'<p><a linktype="page" id="{draft.pk}">Old</a> and '
                f'<a linktype="page" id="{gone_id}">gone</a></p>',
            )
        ],
    )
    gone.delete()

    found = [
        item
        for item in editing_findings(page, RequestFactory().get("/"))
        if (item.code == "broken-link")
    ]

    assert sorted(item.detail for item in found) == [
        f"a deleted page (id {gone_id})",
        "“Old clinic” is not published",
    ]


def test_images_without_a_description_are_flagged(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="A page with an undescribed picture",
        hero_image=ImageFactory(title="IMG_0042", description=""),
    )

    assert codes(page)["image-description-missing"] == "“IMG_0042”"


def test_articles_need_a_reviewer_and_a_review_that_is_not_overdue(learn, reviewer):
    today = timezone.localdate()
    overdue = make_article(
        learn,
        reviewer,
        authors=[reviewer],
        last_reviewed=today - datetime.timedelta(days=400),
    )
    unreviewed = make_article(learn, reviewer, authors=[reviewer])
    unreviewed.medical_reviewer = None

    due = overdue.review_due
    assert codes(overdue)["review-overdue"] == f"due {due:%B} {due.day}, {due.year}"
    assert "reviewer-missing" in codes(unreviewed)


def test_health_articles_get_a_reading_grade_and_their_longest_sentences(
    learn, reviewer
):
    long_sentence = (
        "Although researchers have documented considerable heterogeneity in "
        "therapeutic responsiveness among participants with treatment-resistant "
        "presentations, subsequent investigations consistently demonstrated "
        "clinically meaningful improvements."
    )
    article = make_article(
        learn,
        reviewer,
        authors=[reviewer],
        summary="Short words help.",
        body=[("paragraph", f"<p>We can help. {long_sentence} Call us.</p>")],
    )

    score = page_readability(article)

    assert score.grade > 8 and not score.is_plain
    assert score.longest[0] == (len(long_sentence.split()), long_sentence)
    assert codes(article)["hard-to-read"] == f"grade {score.grade}"


def test_plain_words_in_short_sentences_read_at_grade_8_or_below():
    score = readability(
        ["Ketamine is a medicine.", "We give it in the clinic.", "You rest after."]
    )

    assert score.grade <= 8 and score.is_plain
    assert score.sentences == 3
