"""Template tags shared by every page template."""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html_join
from wagtail.models import Site

from home.cache import cached_until_content_changes
from home.jsonld import json_ld_script
from home.models import ClinicSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """Every JSON-LD script element that this page contributes."""
    request = context.get("request")
    objects = page.json_ld_objects(request) if hasattr(page, "json_ld_objects") else []
    return format_html_join("\n", "{}", ((json_ld_script(data),) for data in objects))


@register.filter
def tel_href(phone):
    """A tel: link for a phone number (a PhoneNumber or a string)."""
    if not phone:
        return ""
    e164 = getattr(phone, "as_e164", None) or "".join(
        ch for ch in str(phone) if ch.isdigit() or ch == "+"
    )
    return f"tel:{e164}"


@register.filter
def phone_display(phone):
    """A phone number the way people in the US write it: (512) 555-0100."""
    if not phone:
        return ""
    return getattr(phone, "as_national", None) or str(phone)


@register.filter
def without_end_punctuation(text):
    """Text without the full stop (or ! ? : ;) it ends with, for a place that adds
    its own, such as "Label: message" in a form's error summary."""
    return str(text).rstrip().rstrip(".!?:;").rstrip()


@register.simple_tag(takes_context=True)
def consultation_url(context, location=None):
    """The consultation page's URL (from Settings > Clinic settings), preselecting
    `location` when given; empty when no consultation page is set. Looked up once per
    content generation and site."""
    request = context.get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    url = cached_until_content_changes(
        f"consultation-url:{site.pk if site else 0}",
        lambda: consultation_page_url(request),
    )
    if url and location is not None:
        url = f"{url}?{urlencode({'location': location.slug})}"
    return url


def consultation_page_url(request):
    page = ClinicSettings.for_request(request).consultation_page
    if page is None or not page.live:
        return ""
    return page.get_url(request) or ""
