from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "meetmalmo.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.notifications import digests
        from meetmalmo.notifications.personal_data import HOLDING

        reminders.register(digests.hourly)
        personal_data.register(HOLDING)
