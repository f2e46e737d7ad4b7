"""What a marketing editor should fix on a page for search engines and social media,
in their words: the problems the editor's checks and the SEO report name.

Each check takes a specific page (and what the caller already loaded) and returns
Findings; none of them runs a query unless its docstring says so, so that the report
can check every page of a site at a bounded cost.

Figures and their sources:
- titles of about 30 to 60 characters: Google shows roughly the first 60 characters
  of a title in its results (Google Search Central, "Influencing title links"), and
  shorter titles waste the line;
- meta descriptions of at most 160 characters: what results show before cutting
  (the limit wagtail-seo's own preview warns at);
- plain language at about US school grade 8 or below: the reading level the US
  National Institutes of Health and CDC's health-literacy guidance ask of health
  information for the public (Flesch-Kincaid grade).
"""

from dataclasses import dataclass

from django.utils import timezone

TITLE_MIN_LENGTH = 30
TITLE_MAX_LENGTH = 60
DESCRIPTION_MAX_LENGTH = 160


@dataclass(frozen=True)
class Problem:
    """A kind of problem: a stable code, a short label and what to do about it."""

    code: str
    label: str
    advice: str


@dataclass(frozen=True)
class Finding:
    """One problem on one page, with the facts that show it (e.g. '74 characters')."""

    problem: Problem
    detail: str = ""

    @property
    def code(self):
        return self.problem.code

    def __str__(self):
        if self.detail:
            return f"{self.problem.label} ({self.detail})"
        return self.problem.label


PROBLEMS = {
    problem.code: problem
    for problem in [
        Problem(
            "title-too-long",
            "Title too long",
            "Search results cut titles after about 60 characters. Shorten the page "
            "title, or write a shorter 'Title tag' in the Promote tab.",
        ),
        Problem(
            "title-too-short",
            "Title too short",
            "A title under 30 characters wastes the space search results give it. "
            "Say what the page offers (and where) in the Promote tab's 'Title tag'.",
        ),
        Problem(
            "title-duplicate",
            "Same title as another page",
            "Search engines may show only one of the pages. Give each page a title "
            "of its own in the Promote tab's 'Title tag'.",
        ),
        Problem(
            "description-missing",
            "No meta description",
            "Search engines then pick any text from the page. Write one or two "
            "sentences (up to 160 characters) in the Promote tab's 'Search "
            "description'.",
        ),
        Problem(
            "description-too-long",
            "Meta description too long",
            "Search results cut descriptions after about 160 characters. Write a "
            "shorter 'Search description' in the Promote tab.",
        ),
        Problem(
            "description-duplicate",
            "Same meta description as another page",
            "Describe what is special about this page in the Promote tab's 'Search "
            "description'.",
        ),
        Problem(
            "social-image-missing",
            "No social image",
            "Links to this page shared on social media show no picture. Choose a "
            "'Preview image' in the Promote tab, or a default one in Settings > SEO.",
        ),
        Problem(
            "broken-link",
            "Link to a page visitors cannot open",
            "The page it points at is unpublished or deleted. Point the link at a "
            "published page, or remove it.",
        ),
        Problem(
            "image-description-missing",
            "Image without a description",
            "Screen readers read the image's title instead. Add a description of "
            "what the image shows in Images (edit the image).",
        ),
        Problem(
            "orphan-page",
            "In no menu and linked from nowhere",
            "Visitors and search engines can hardly find this page. Add it to a "
            "menu or link to it from a related page.",
        ),
        Problem(
            "noindex-in-sitemap",
            "Hidden from search engines but in the sitemap",
            "The sitemap asks search engines to read a page that tells them not to "
            "list it. Untick 'Hide from search engines' or leave it out of the "
            "sitemap.",
        ),
        Problem(
            "reviewer-missing",
            "No medical reviewer or review date",
            "Health articles need the clinician who checked them and the date they "
            "did. Fill in 'Medical reviewer' and 'Last reviewed'.",
        ),
        Problem(
            "review-overdue",
            "Medical review overdue",
            "The next review date has passed. Ask the medical reviewer to check the "
            "article, then update 'Last reviewed'.",
        ),
        Problem(
            "hard-to-read",
            "Hard to read",
            "Health information should read at about US school grade 8 or below. "
            "Split the longest sentences (named under Content metrics) and prefer "
            "everyday words.",
        ),
    ]
}


def finding(code, detail=""):
    return Finding(PROBLEMS[code], detail)


def title_tag(page):
    """The page's <title>, as wagtail-seo writes it."""
    return page.seo_pagetitle.strip()


def meta_description(page):
    return " ".join((page.seo_description or "").split())


def has_social_image(page, default_image_id):
    """Whether sharing the page shows a picture: its own (any of its image sources)
    or the site's default from Settings > SEO. Reads ids only: no query."""
    own = any(getattr(page, f"{attr}_id", None) for attr in page.seo_image_sources)
    return own or default_image_id is not None


def metadata_findings(page, default_image_id):
    """Title length, meta description and social image."""
    found = []
    title = title_tag(page)
    if len(title) > TITLE_MAX_LENGTH:
        found.append(finding("title-too-long", f"{len(title)} characters"))
    elif len(title) < TITLE_MIN_LENGTH:
        found.append(finding("title-too-short", f"{len(title)} characters"))
    description = meta_description(page)
    if not description:
        found.append(finding("description-missing"))
    elif len(description) > DESCRIPTION_MAX_LENGTH:
        found.append(finding("description-too-long", f"{len(description)} characters"))
    if not has_social_image(page, default_image_id):
        found.append(finding("social-image-missing"))
    return found


def review_findings(page, today=None):
    """For page types that need a medical review: a reviewer, a review date, and a
    next review that has not passed."""
    if not page.medical_review_required:
        return []
    if not page.medical_reviewer_id or not page.last_reviewed:
        return [finding("reviewer-missing")]
    today = today or timezone.localdate()
    due = page.review_due
    if due is not None and due < today:
        return [finding("review-overdue", f"due {due:%B} {due.day}, {due.year}")]
    return []


def broken_link_findings(linked_page_ids, pages_by_id):
    """A finding per linked page that visitors cannot open. `pages_by_id` maps the
    ids that still exist to (title, live)."""
    found = []
    for page_id in sorted(linked_page_ids, key=int):
        target = pages_by_id.get(int(page_id))
        if target is None:
            found.append(finding("broken-link", f"a deleted page (id {page_id})"))
        elif not target[1]:
            found.append(finding("broken-link", f"“{target[0]}” is not published"))
    return found
