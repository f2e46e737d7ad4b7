"""The only places the project touches Wagtail's private internals, one function each.

Wagtail has no public API for these two query savings. Each function names the
versions it was checked against; `tests/home/test_wagtail_internals.py` fails if an
upgrade changes what it relies on."""


def remember_parent(page, parent):
    """Tell `page` (found below `parent` while routing) its parent, so that
    `page.get_parent()` costs no query. Returns `page`.

    Checked against Wagtail 7.4.4 and django-treebeard 5.3.1: treebeard's
    `MP_Node.get_parent()` reads `_cached_parent_obj`, which Wagtail's own
    `Page.route()` sets the same way."""
    page._cached_parent_obj = parent
    return page


def bind_setting_to_request(setting, request):
    """Do for a site setting read elsewhere (from our cache) what
    `BaseSiteSetting.for_request()` does for one it reads itself: later
    `for_request()` calls (templates' `{{ settings }}`) get it without a query, and its
    page links are built for this request. Returns `setting`.

    Checked against Wagtail 7.4.4: `for_request()` caches the setting on the request
    under `get_cache_attr_name()` (public) and keeps the request on the setting as
    `_request` (private, read by `get_page_url()`)."""
    setting._request = request
    setattr(request, setting.get_cache_attr_name(), setting)
    return setting
