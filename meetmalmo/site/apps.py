from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top floor: what spans every app (the home page, a member's own page, the demo
    content, the hourly job). It may import any app below it; none imports it."""

    name = "meetmalmo.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from meetmalmo.search import pages
        from meetmalmo.site.searchable import how_it_works_text

        # How Meet Malmö works is found by the public search, which stands below this app.
        pages.register(pages.StaticPage("site:how_it_works", how_it_works_text))
