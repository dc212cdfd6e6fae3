from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from meetmalmo.accessibility import urls as accessibility_urls
from meetmalmo.accounts import urls as accounts_urls
from meetmalmo.api import urls as api_urls
from meetmalmo.api.api import api
from meetmalmo.core import views as core_views
from meetmalmo.events import urls as events_urls
from meetmalmo.figures import urls as figures_urls
from meetmalmo.groups import urls as groups_urls
from meetmalmo.initiatives import urls as initiatives_urls
from meetmalmo.inventory import urls as inventory_urls
from meetmalmo.newsletter import urls as newsletter_urls
from meetmalmo.notifications import urls as notifications_urls
from meetmalmo.publishing import urls as publishing_urls
from meetmalmo.publishing.sitemaps import SITEMAPS
from meetmalmo.resources import urls as resources_urls
from meetmalmo.search import urls as search_urls
from meetmalmo.site import urls as site_urls

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Uploaded photos; a production web server may serve var/media/ itself instead.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    # Open data for programs: the same in every language, so without a language prefix.
    path("api/v1/", api.urls),
    path("", include(api_urls.files)),
    path("", include(site_urls.feeds)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include(accounts_urls)),
    path("", include(notifications_urls)),
    path("", include(newsletter_urls)),
    path("", include(initiatives_urls)),
    path("", include(inventory_urls)),
    path("", include(resources_urls)),
    path("", include(groups_urls)),
    path("", include(events_urls)),
    path("", include(publishing_urls)),
    path("", include(figures_urls)),
    path("", include(search_urls)),
    path("", include(api_urls)),
    path("", include(accessibility_urls)),
    path("", include(site_urls)),
    prefix_default_language=True,
)

handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
