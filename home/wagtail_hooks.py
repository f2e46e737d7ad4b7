from wagtail import hooks

from home.page_cache import is_request_cacheable

hooks.register("is_request_cacheable", is_request_cacheable)
