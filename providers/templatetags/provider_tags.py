from django import template
from django.utils.html import format_html_join
from wagtail import hooks

from providers.models import PROVIDER_SECTIONS_HOOK

register = template.Library()


@register.simple_tag(takes_context=True)
def provider_extra_sections(context, provider):
    """The sections other apps add to a provider page through the
    "provider_page_sections" hook, in hook order."""
    request = context.get("request")
    sections = (
        hook(provider, request) for hook in hooks.get_hooks(PROVIDER_SECTIONS_HOOK)
    )
    return format_html_join("\n", "{}", ((section,) for section in sections if section))
