from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from meetmalmo.api import urls as api_urls
from meetmalmo.api.api import api
from meetmalmo.core import views as core_views
from meetmalmo.publishing.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Uploaded photos; a production web server may serve var/media/ itself instead.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    # Open data for programs: the same in every language, so without a language prefix.
    path("api/v1/", api.urls),
    path("", include(api_urls.files)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("meetmalmo.accounts.urls")),
    path("", include("meetmalmo.initiatives.urls")),
    path("", include("meetmalmo.inventory.urls")),
    path("", include("meetmalmo.resources.urls")),
    path("", include("meetmalmo.groups.urls")),
    path("", include("meetmalmo.publishing.urls")),
    path("", include("meetmalmo.figures.urls")),
    path("", include("meetmalmo.api.urls")),
    path("", include("meetmalmo.accessibility.urls")),
    path("", include("meetmalmo.core.urls")),
    prefix_default_language=True,
)

handler403 = "meetmalmo.core.views.permission_denied"
handler404 = "meetmalmo.core.views.page_not_found"
handler500 = "meetmalmo.core.views.server_error"
