"""The site-wide SEO audit behind the SEO report: every live public page of a site
with its problems, at a cost that does not grow with the number of pages (one query
per page type, plus a fixed handful).

It adds to the per-page checks (seo.checks) what only a view of the whole site shows:
duplicate titles and descriptions, links to pages visitors cannot open (from Wagtail's
reference index), pages in no menu and linked from nowhere, and pages hidden from
search engines that the sitemap still lists."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtailmenus.models import FlatMenuItem, MainMenuItem
from wagtailseo.models import SeoSettings

from home.models import BaseIndexPage
from seo.checks import (
    broken_link_findings,
    finding,
    meta_description,
    metadata_findings,
    review_findings,
    title_tag,
)
from seo.references import NOT_LINKS


def live_site_pages(site):
    """Every live, public page of the site, as its specific type, without bodies."""
    return list(
        Page.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .specific(defer=False)
        .defer_streamfields()
        .order_by("path")
    )


def outgoing_page_links(page_ids):
    """{source page id: {linked page ids}} from the reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    rows = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=[str(pk) for pk in page_ids],
        to_content_type=page_type,
    ).values_list("object_id", "to_object_id", "model_path")
    links = defaultdict(set)
    for source, target, model_path in rows:
        if model_path.split(".")[0] not in NOT_LINKS and str(target).isdigit():
            links[int(source)].add(int(target))
    return links


def linked_to_page_ids(page_ids):
    """The ids among `page_ids` that anything else (a page, a snippet, a setting)
    refers to, from the reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    rows = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=[str(pk) for pk in page_ids]
    ).values_list("to_object_id", "base_content_type_id", "object_id")
    return {
        int(target)
        for target, source_type, source in rows
        if not (source_type == page_type.pk and source == target)
    }


def menu_page_ids(site, pages):
    """Pages reachable from a menu: menu items' pages and, below an item that shows
    its sub-menu, the children marked 'show in menus'."""
    main_items = MainMenuItem.objects.filter(menu__site=site).values_list(
        "link_page_id", "allow_subnav"
    )
    flat_items = FlatMenuItem.objects.filter(menu__site=site).values_list(
        "link_page_id", flat=True
    )
    in_menu = {pk for pk, _ in main_items if pk} | {pk for pk in flat_items if pk}
    with_subnav = {pk for pk, subnav in main_items if pk and subnav}
    by_path = {page.path: page for page in pages}
    for page in pages:
        parent = by_path.get(page.path[: -Page.steplen])
        if page.show_in_menus and parent is not None and parent.pk in with_subnav:
            in_menu.add(page.pk)
    return in_menu


def duplicates(pages, key):
    """{page id: how many other pages share its value} for a text key."""
    groups = defaultdict(list)
    for page in pages:
        value = key(page).casefold()
        if value:
            groups[value].append(page.pk)
    return {pk: len(ids) - 1 for ids in groups.values() if len(ids) > 1 for pk in ids}


def audit_site(site, request=None):
    """Every live public page of `site` with its problems: a list of
    (page, [Finding, ...]) in tree order, pages without problems included."""
    pages = live_site_pages(site)
    for page in pages:
        page.site = site  # BasePage.get_site reads it: no query per page
    ids = [page.pk for page in pages]
    default_image_id = SeoSettings.for_site(site).og_image_default_id
    links = outgoing_page_links(ids)
    targets = set().union(*links.values()) if links else set()
    target_pages = {
        pk: (title, live)
        for pk, title, live in Page.objects.filter(pk__in=targets).values_list(
            "pk", "title", "live"
        )
    }
    linked_to = linked_to_page_ids(ids)
    in_menu = menu_page_ids(site, pages)
    by_path = {page.path: page for page in pages}
    same_title = duplicates(pages, title_tag)
    same_description = duplicates(pages, meta_description)

    audited = []
    for page in pages:
        if not hasattr(page, "noindex"):
            continue  # not one of the site's own page types
        found = metadata_findings(page, default_image_id)
        if page.pk in same_title:
            found.append(finding("title-duplicate", f"{same_title[page.pk]} other"))
        if page.pk in same_description:
            found.append(
                finding("description-duplicate", f"{same_description[page.pk]} other")
            )
        found += broken_link_findings(links.get(page.pk, set()), target_pages)
        parent = by_path.get(page.path[: -Page.steplen])
        listed = isinstance(parent, BaseIndexPage)
        if (
            page.pk != site.root_page_id
            and page.pk not in in_menu
            and page.pk not in linked_to
            and not listed
        ):
            found.append(finding("orphan-page"))
        if page.noindex and page.get_sitemap_urls(request):
            found.append(finding("noindex-in-sitemap"))
        found += review_findings(page)
        audited.append((page, found))
    return audited


def section_of(page, site):
    """The top-level section (a child of the site's home page) a page is in, or the
    home page itself."""
    depth = site.root_page.depth + 1
    if page.depth < depth:
        return None
    return page.path[: depth * Page.steplen]
