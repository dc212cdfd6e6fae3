from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "meetmalmo.initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.initiatives import indexing
        from meetmalmo.initiatives import reminders as clock
        from meetmalmo.initiatives.notices import KINDS
        from meetmalmo.initiatives.personal_data import HOLDING
        from meetmalmo.inventory import related
        from meetmalmo.notifications import kinds

        for kind in KINDS:
            kinds.register(kind)
        related.register(indexing.SOURCE)
        reminders.register(clock.hourly)
        personal_data.register(HOLDING)
