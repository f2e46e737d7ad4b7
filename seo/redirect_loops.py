"""Redirects that editors make (Wagtail's redirects: the admin's add and edit forms,
its import, and `manage.py import_redirects`) are refused when they would loop: to
the address they come from, through the site's own host name, or through a chain of
redirects back to it. Wagtail follows a redirect only when no page answers the
address (its RedirectMiddleware acts on 404s), and so does this check."""

from urllib.parse import urlsplit

from django import forms
from wagtail.contrib.redirects.forms import RedirectForm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

# Longest chain followed; browsers give up after about 20 redirects.
MAX_HOPS = 20


def redirect_target(redirect, site, sites):
    """(site, normalised path) a visitor on `site` is sent to by `redirect`, or None
    when it leads off this install's sites (or to a page with no URL)."""
    if redirect.redirect_page_id:
        parts = redirect.redirect_page.get_url_parts()
        if parts is None:
            return None
        site_id, _, page_path = parts
        route = redirect.redirect_page_route_path or ""
        target_site = next((s for s in sites if s.pk == site_id), site)
        return target_site, Redirect.normalise_path(page_path.rstrip("/") + route)
    link = (redirect.redirect_link or "").strip()
    if not link:
        return None
    parts = urlsplit(link)
    if not parts.netloc:
        return site, Redirect.normalise_path(link)
    host = (parts.hostname or "").lower()
    same_host = [s for s in sites if s.hostname.lower() == host]
    if not same_host:
        return None
    target_site = site if site in same_host else same_host[0]
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return target_site, Redirect.normalise_path(path)


def page_answers(site, path):
    """Whether a live page of `site` is at `path` (then no redirect there applies)."""
    if site is None:
        return False
    url_path = site.root_page.url_path + path.split("?")[0].strip("/") + "/"
    return Page.objects.live().filter(url_path=url_path.replace("//", "/")).exists()


def next_redirect(site, path, exclude_pk):
    """The redirect Wagtail would follow from `path` on `site` (its own before one
    for all sites), or None."""
    candidates = Redirect.get_for_site(site).filter(old_path=path)
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    return candidates.order_by("site_id").select_related("redirect_page").first()


def redirect_loop(redirect):
    """The addresses a redirect sends visitors through before reaching one already
    passed ("/a", "/b", "/a"), or None when the chain ends at a page or elsewhere.
    `redirect` is an unsaved or saved Redirect; for one that applies to all sites,
    every site is checked."""
    sites = list(Site.objects.select_related("root_page"))
    old_path = Redirect.normalise_path(redirect.old_path)
    for site in [redirect.site] if redirect.site_id else sites or [None]:
        seen = [(site, old_path)]
        current = redirect_target(redirect, site, sites)
        for _ in range(MAX_HOPS):
            if current is None:
                break
            if current in seen:
                return [path for _, path in seen] + [current[1]]
            if page_answers(*current):
                break
            seen.append(current)
            following = next_redirect(*current, exclude_pk=redirect.pk)
            if following is None:
                break
            current = redirect_target(following, current[0], sites)
        else:
            return [path for _, path in seen]
    return None


def loop_message(chain):
    return (
        "This redirect would send visitors round in a loop (%(chain)s), and no page "
        "would ever open. Point it at another address, or change the redirect that "
        "leads back."
    ), {"chain": " → ".join(chain)}


def check_redirect_for_loop(form):
    """RedirectForm.clean(), then the loop check on what the form would save."""
    data = form.cleaned_data
    if form.errors or not data.get("old_path"):
        return
    redirect = Redirect(
        pk=form.instance.pk,
        old_path=data["old_path"],
        site=data.get("site"),
        redirect_page=data.get("redirect_page"),
        redirect_page_route_path=form.instance.redirect_page_route_path or "",
        redirect_link=data.get("redirect_link") or "",
    )
    chain = redirect_loop(redirect)
    if chain:
        message, params = loop_message(chain)
        field = "redirect_page" if redirect.redirect_page_id else "redirect_link"
        form.add_error(
            field, forms.ValidationError(message, code="redirect_loop", params=params)
        )


def refuse_redirect_loops():
    """Wagtail has no hook for its redirect form, and its add and edit views, its
    import view (create_redirects_from_dataset) and the import_redirects command all
    validate with wagtail.contrib.redirects.forms.RedirectForm (checked against
    Wagtail 7.4.4): run the loop check after its clean(). Called once, from
    SeoConfig.ready()."""
    if getattr(RedirectForm.clean, "checks_loops", False):
        return
    wagtail_clean = RedirectForm.clean

    def clean(form):
        cleaned_data = wagtail_clean(form)
        check_redirect_for_loop(form)
        return cleaned_data

    clean.checks_loops = True
    RedirectForm.clean = clean
