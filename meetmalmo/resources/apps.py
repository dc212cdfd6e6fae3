from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "meetmalmo.resources"
    verbose_name = _("Meet Malmö resources")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.inventory import related
        from meetmalmo.resources import indexing
        from meetmalmo.resources.personal_data import HOLDING

        personal_data.register(HOLDING)
        related.register(indexing.SOURCE)
