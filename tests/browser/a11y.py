"""axe-core, the accessibility engine Wagtail's own checker runs, on a page loaded in
Chromium. The engine comes bundled in axe-playwright-python (axe-core 4.12), so the
tests need no network."""

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


def axe_violations(page):
    """Every axe rule the loaded page breaks (all of axe's non-experimental rules:
    WCAG 2.x A and AA, and best practices), as readable strings."""
    results = AXE.run(page).response
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
    ]
