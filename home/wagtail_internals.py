"""The only places the project touches Wagtail's private internals, one function each.

Wagtail has no public API for these query and cache savings. Each function names the
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


def mark_rendition_from_cache(rendition):
    """Say that `rendition` was just read from the rendition cache, so that Wagtail
    does not write it back. Returns `rendition`.

    Checked against Wagtail 7.4.4: `get_renditions()` skips renditions whose
    `_from_cache` is true when it updates the cache, but sets the flag only on
    prefetched renditions, not on those it read from the cache; `get_rendition()`
    writes back whatever it found (both fixed after 7.4 in wagtail/wagtail#14541)."""
    rendition._from_cache = True
    return rendition


def rendition_from_cache(rendition):
    """Whether `rendition` was read from a cache or prefetched (see above)."""
    return getattr(rendition, "_from_cache", False)


def use_route(request, site, route_result):
    """Hand Wagtail the site and route (a `RouteResult`) found for `request`, so that
    its serve view neither looks up the site nor walks the page tree.

    Checked against Wagtail 7.4.4: `Site.find_for_request()` and
    `Page.route_for_request()` keep their answers on the request as `_wagtail_site` and
    `_wagtail_route_for_request` (both named in their docstrings)."""
    request._wagtail_site = site
    request._wagtail_route_for_request = route_result


def use_site(request, site):
    """Hand Wagtail the site found for `request` (e.g. from our cache), so that
    `Site.find_for_request()` answers without a query.

    Checked against Wagtail 7.4.4: see use_route() (`_wagtail_site`)."""
    request._wagtail_site = site


def section_root_from_known_parents(page, derive_section_root):
    """wagtailmenus' section root of `page` (its ancestor at SECTION_ROOT_DEPTH, as a
    specific page, or None above it) read from the parents remembered while routing
    (remember_parent) when they are known; else `derive_section_root(page)`, which
    costs two queries on every page below a section index.

    Checked against wagtailmenus 4.2: its `before_serve_page` hook calls the name
    `derive_section_root` of `wagtailmenus.wagtail_hooks` (see use_known_parents)."""
    from wagtailmenus.conf import settings as menus_settings

    node = page
    while node.depth > menus_settings.SECTION_ROOT_DEPTH:
        node = vars(node).get("_cached_parent_obj")
        if node is None:
            return derive_section_root(page)
    if node.depth < menus_settings.SECTION_ROOT_DEPTH:
        return None
    return node.specific


def use_known_parents_for_menus():
    """Make wagtailmenus' page-serving hook use section_root_from_known_parents()."""
    from wagtailmenus import wagtail_hooks as menus_hooks
    from wagtailmenus.utils.misc import derive_section_root

    menus_hooks.derive_section_root = lambda page: section_root_from_known_parents(
        page, derive_section_root
    )
