"""{% cachefragment %}: Django's {% cache %} made safe for a CMS.

The key always carries the content generation (home.cache), so a fragment is rebuilt as
soon as anything visitors see is published, and the request's host, so that a fragment
is never shown on another site; previews are never cached, so a draft can
never be served to visitors from the cache. A fragment that shows something depending on
the clock (home.cache.valid_until) expires when that changes, and passes the moment on
to the page around it each time it is used."""

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from home.cache import (
    FRAGMENT_TIMEOUT,
    content_generation,
    current_request_state,
    seconds_until,
    valid_until,
)

register = template.Library()


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, fragment_name, vary_on):
        self.nodelist = nodelist
        self.fragment_name = fragment_name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # The host too: the same page can answer on two sites' hostnames, each with
        # its own settings (names, organisation, menus) in what the fragment shows.
        vary_on = [
            content_generation(),
            request.get_host(),
            *(var.resolve(context) for var in self.vary_on),
        ]
        key = make_template_fragment_key(self.fragment_name, vary_on)
        cached = cache.get(key)
        if isinstance(cached, tuple):  # (html, expires_at); older entries are redone
            html, expires_at = cached
            if expires_at is not None:
                valid_until(expires_at)
            return html
        html, expires_at = self.render_measuring_expiry(context)
        timeout = FRAGMENT_TIMEOUT
        if expires_at is not None:
            timeout = min(timeout, seconds_until(expires_at))
        if timeout:
            cache.set(key, (html, expires_at), timeout)
        return html

    def render_measuring_expiry(self, context):
        """(html, the moment it goes stale by itself or None)."""
        state = current_request_state()
        if state is None:
            return self.nodelist.render(context), None
        outer_expiry, state.expires_at = state.expires_at, None
        try:
            html = self.nodelist.render(context)
            expires_at = state.expires_at
        finally:
            state.expires_at = outer_expiry
        if expires_at is not None:
            valid_until(expires_at)
        return html, expires_at


@register.tag("cachefragment")
def do_cachefragment(parser, token):
    """{% cachefragment "name" var1 var2 %} ... {% endcachefragment %}"""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "'cachefragment' needs a fragment name, e.g. {% cachefragment \"menu\" %}"
        )
    nodelist = parser.parse(("endcachefragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return FragmentCacheNode(
        nodelist, name, [parser.compile_filter(b) for b in bits[2:]]
    )
