"""The sitemap: Wagtail's, listing the public pages of the current site."""

from wagtail.contrib.sitemaps import Sitemap

from home.visibility import public_pages


class PublicPagesSitemap(Sitemap):
    """Wagtail's sitemap with its page query replaced by public_pages(): the same
    pages visitors find in menus, listings and search."""

    def items(self):
        site = self.get_wagtail_site()
        return (
            public_pages(site.root_page.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
