"""The SEO rules added to Wagtail's content checker work in axe-core itself: a
problem marker in the preview is flagged, and so are a second h1 and skipped
heading levels."""

from seo.editing import SeoContentCheckerItem
from tests.browser.a11y import AXE

PAGE = """<!doctype html><html lang="en"><head><title>T</title></head><body>
<main><h1>One</h1><h1>Two</h1><h3>Skipped a level</h3><p>Text.</p></main>
<div class="seo-findings" hidden>
  <p data-seo-problem="title-too-long">Title too long (74 characters)</p>
</div></body></html>"""


def flagged_rules(page, html):
    page.set_content(html)
    page.evaluate(AXE.axe_script)
    config = SeoContentCheckerItem().get_axe_configuration(None)
    # Wagtail's checker adds the evaluate functions of its own two checks in its
    # script; only ours (axe's built-in evaluations, named in JSON) are tried here.
    spec = {
        "rules": [r for r in config["spec"]["rules"] if r["id"].startswith("seo-")],
        "checks": [c for c in config["spec"]["checks"] if c["id"].startswith("seo-")],
    }
    run_only = [
        rule
        for rule in config["options"]["runOnly"]
        if rule.startswith("seo-") or rule in ("heading-order", "page-has-heading-one")
    ]
    results = page.evaluate(
        "([spec, runOnly]) => { axe.configure(spec);"
        " return axe.run(document, {runOnly: runOnly}); }",
        [spec, run_only],
    )
    return {violation["id"] for violation in results["violations"]}


def test_seo_rules_flag_markers_a_second_h1_and_skipped_levels(page):
    assert flagged_rules(page, PAGE) == {
        "seo-title-too-long",
        "seo-single-h1",
        "heading-order",
    }


def test_a_clean_page_passes_the_seo_rules(page):
    clean = PAGE.replace("<h1>Two</h1>", "").replace("h3", "h2")
    clean = clean.replace('data-seo-problem="title-too-long"', "")

    assert flagged_rules(page, clean) == set()
