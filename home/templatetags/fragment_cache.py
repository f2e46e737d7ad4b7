"""{% cachefragment %}: Django's {% cache %} made safe for a CMS.

The key always carries the content generation (home.cache), so a fragment is rebuilt as
soon as anything visitors see is published; previews are never cached, so a draft can
never be served to visitors from the cache."""

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from home.cache import FRAGMENT_TIMEOUT, content_generation

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
        vary_on = [
            content_generation(),
            *(var.resolve(context) for var in self.vary_on),
        ]
        key = make_template_fragment_key(self.fragment_name, vary_on)
        value = cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            cache.set(key, value, FRAGMENT_TIMEOUT)
        return value


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
