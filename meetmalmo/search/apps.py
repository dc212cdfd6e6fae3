from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "meetmalmo.search"
    verbose_name = _("Search and the library of results")

    def ready(self):
        from meetmalmo.search import indexing

        # What the public search holds follows what is published: each change is indexed once
        # it is committed.
        indexing.subscribe()
