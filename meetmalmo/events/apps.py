from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "meetmalmo.events"
    verbose_name = _("Events")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.events import following, services
        from meetmalmo.events.forms import origin_field
        from meetmalmo.events.notices import KINDS
        from meetmalmo.events.personal_data import HOLDING
        from meetmalmo.initiatives import origins
        from meetmalmo.notifications import follows, kinds

        reminders.register(services.remind_day_before)
        personal_data.register(HOLDING)
        for kind in KINDS:
            kinds.register(kind)
        follows.register(following.FOLLOWABLE)
        reminders.register(following.hourly)
        # A process manager recording an initiative from a meeting says which one.
        origins.register(
            origins.Origin(
                name="event",
                channel="meeting",
                field=origin_field,
                save=services.initiative_came_from,
            )
        )
