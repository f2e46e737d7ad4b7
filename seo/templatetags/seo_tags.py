"""{% seo_preview_findings %}: the SEO problems of a page preview, as hidden markers
that the editor's checks panel reads (see seo.editing)."""

import logging

from django import template

from seo.editing import MARKER_ATTRIBUTE, editing_findings, page_readability

logger = logging.getLogger(__name__)
register = template.Library()


@register.inclusion_tag("seo/preview_findings.html", takes_context=True)
def seo_preview_findings(context):
    """Markers for the previewed page's problems; nothing outside previews."""
    request = context.get("request")
    page = context.get("page")
    if not getattr(request, "is_preview", False) or not hasattr(page, "noindex"):
        return {}
    try:
        findings = editing_findings(page, request)
        score = page_readability(page)
    except Exception:
        # The preview must still show: a failing check is logged, not shown.
        logger.exception("SEO checks failed on the preview of page %s", page.pk)
        return {}
    return {
        "findings": findings,
        "readability": score,
        "marker_attribute": MARKER_ATTRIBUTE,
    }
