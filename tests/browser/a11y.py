"""A small accessibility audit run inside the browser on a rendered page: the checks
that can be automated reliably (landmarks, one h1, heading order, alt text, labels,
link names, unique ids, and WCAG AA text contrast)."""

from pathlib import Path

AUDIT_SCRIPT = (Path(__file__).parent / "a11y_audit.js").read_text()


def audit(page):
    """The accessibility problems found on the page now loaded, as readable strings."""
    return page.evaluate(AUDIT_SCRIPT)
