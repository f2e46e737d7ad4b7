"""SEO checks of the page being edited, shown in the editor's "Checks" panel.

Wagtail runs axe-core on the page preview and lists what its rules find. The preview
carries, hidden, one marker per problem this module finds on the previewed (unsaved)
page (`seo/preview_findings.html`), and SeoContentCheckerItem adds an axe rule per kind
of problem that flags its marker, with advice in plain words. Headings, the single h1
and alt text are checked by axe's own rules on the rendered page. The plain-language
score (readability) is in the preview too; the editor's script
(`seo/js/content-metrics.js`) shows it beside Wagtail's content metrics.
"""

from wagtail.admin.userbar import ContentCheckerItem
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtailseo.models import SeoSettings

from seo.checks import (
    PROBLEMS,
    broken_link_findings,
    finding,
    metadata_findings,
    review_findings,
)
from seo.readability import page_text_chunks, readability
from seo.references import linked_ids

# Problems that only the site-wide report can see (they compare pages).
REPORT_ONLY = {
    "title-duplicate",
    "description-duplicate",
    "orphan-page",
    "noindex-in-sitemap",
}
EDITOR_PROBLEMS = [code for code in PROBLEMS if code not in REPORT_ONLY]
MARKER_ATTRIBUTE = "data-seo-problem"


def page_readability(page):
    """Readability of a page that should be in plain language, else None."""
    if not page.plain_language_required:
        return None
    return readability(page_text_chunks(page))


def editing_findings(page, request):
    """Every problem the editor can fix on this page (a list of Findings): title,
    description, social image, medical review, links to pages visitors cannot open,
    images without a description, and reading grade. Four queries at most."""
    site = Site.find_for_request(request)
    default_image_id = SeoSettings.for_site(site).og_image_default_id if site else None
    found = metadata_findings(page, default_image_id)
    found += review_findings(page)
    page_ids, image_ids = linked_ids(page)
    if page_ids:
        targets = Page.objects.filter(pk__in=page_ids).values_list(
            "pk", "title", "live"
        )
        found += broken_link_findings(
            page_ids, {pk: (title, live) for pk, title, live in targets}
        )
    if image_ids:
        undescribed = (
            get_image_model()
            .objects.filter(pk__in=image_ids, description="")
            .values_list("title", flat=True)
        )
        found += [finding("image-description-missing", f"“{t}”") for t in undescribed]
    score = page_readability(page)
    if score is not None and not score.is_plain:
        found.append(finding("hard-to-read", f"grade {score.grade}"))
    return found


def axe_rule(code):
    """An axe rule that flags the preview's hidden marker for one kind of problem."""
    return {
        "id": f"seo-{code}",
        "impact": "serious",
        "selector": f"[{MARKER_ATTRIBUTE}='{code}']",
        "excludeHidden": False,
        "tags": ["seo"],
        "none": ["seo-problem-found"],
        "enabled": True,
    }


class SeoContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker with the SEO rules added, and axe's own rules for
    the heading outline (one h1, levels in order) and alt text switched on."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "page-has-heading-one",
        "seo-single-h1",
        *(f"seo-{code}" for code in EDITOR_PROBLEMS),
    ]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": "seo-single-h1",
            "impact": "moderate",
            "selector": "h1",
            "tags": ["seo"],
            "any": ["seo-page-no-duplicate-h1"],
            "enabled": True,
        },
        *(axe_rule(code) for code in EDITOR_PROBLEMS),
    ]
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        # Built-in axe evaluations, referred to by name (the spec is JSON).
        {
            "id": "seo-problem-found",
            "evaluate": "attr-non-space-content-evaluate",
            "options": {"attribute": MARKER_ATTRIBUTE},
        },
        {
            "id": "seo-page-no-duplicate-h1",
            "evaluate": "page-no-duplicate-evaluate",
            "after": "page-no-duplicate-after",
            "options": {"selector": "h1"},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image without alternative text",
            "help_text": "Screen readers cannot describe it. Add a description to the "
            "image in Images, or mark a decorative image as such.",
        },
        "page-has-heading-one": {
            "error_name": "No main heading",
            "help_text": "Every page needs one level 1 heading (usually its title).",
        },
        "seo-single-h1": {
            "error_name": "More than one main heading",
            "help_text": "Keep one level 1 heading; make the others level 2.",
        },
        "heading-order": {
            "error_name": "Headings skip a level",
            "help_text": "Go down one level at a time (2, then 3) so that readers "
            "and search engines can follow the outline.",
        },
        **{
            f"seo-{code}": {
                "error_name": PROBLEMS[code].label,
                "help_text": PROBLEMS[code].advice,
            }
            for code in EDITOR_PROBLEMS
        },
    }


def use_seo_checks(request, items, page=None):
    """construct_wagtail_userbar hook: swap Wagtail's checker for ours."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(
            item, SeoContentCheckerItem
        ):
            items[index] = SeoContentCheckerItem(in_editor=item.in_editor)
