"""Structured data (JSON-LD): built as dicts, serialised once, safe inside <script>."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.blocks import FAQBlock

SCHEMA_CONTEXT = "https://schema.org"
# The group's medical specialty, a member of schema.org's MedicalSpecialty enumeration.
GROUP_SPECIALTY = f"{SCHEMA_CONTEXT}/Psychiatric"

# Characters that could end the <script> element or start an HTML entity.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_dumps(data):
    """Serialise a JSON-LD dict to text that is safe to place inside <script>."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return text.translate(_SCRIPT_ESCAPES)


def json_ld_script(data):
    """A complete <script type="application/ld+json"> element for one JSON-LD dict."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json_ld_dumps(data)),  # noqa: S308 escaped by json_ld_dumps
    )


def organization_id(site_root_url):
    """The @id that every page uses to point at the clinic group's Organization."""
    return f"{site_root_url.rstrip('/')}/#organization"


def faq_json_ld(stream_value):
    """A FAQPage dict built from every FAQ block in a stream, or None if it has none."""
    questions = [
        {
            "@type": "Question",
            "name": item["question"],
            "acceptedAnswer": {"@type": "Answer", "text": str(item["answer"])},
        }
        for child in stream_value
        if isinstance(child.block, FAQBlock)
        for item in child.value["items"]
    ]
    if not questions:
        return None
    return {"@context": SCHEMA_CONTEXT, "@type": "FAQPage", "mainEntity": questions}


def breadcrumb_json_ld(page, request):
    """A BreadcrumbList from the site's home page down to this page."""
    crumbs = page.get_ancestors(inclusive=True).filter(depth__gt=1)
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb.title,
            "item": crumb.get_full_url(request),
        }
        for position, crumb in enumerate(crumbs, start=1)
    ]
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }
