from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import sitemaps
from home import views as home_views

handler500 = "home.views.server_error"

urlpatterns = [
    path("healthz/", home_views.healthz, name="healthz"),
    path("readyz/", home_views.readyz, name="readyz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        sitemaps.sitemap_part,
        name=sitemaps.SITEMAP_PART_URL_NAME,
    ),
    path("search/", home_views.search, name="search"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
