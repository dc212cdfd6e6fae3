from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "meetmalmo.events"
    verbose_name = _("Events")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.events import services
        from meetmalmo.events.personal_data import HOLDING

        reminders.register(services.remind_day_before)
        personal_data.register(HOLDING)
