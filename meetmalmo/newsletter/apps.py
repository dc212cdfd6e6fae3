from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "meetmalmo.newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from meetmalmo.newsletter.subscribers import FOLLOWABLE
        from meetmalmo.notifications import follows

        # A subscription is a follow of the newsletter: the same confirmation by a link, the
        # same one-click stop, and it is in the person's data and goes with their account.
        follows.register(FOLLOWABLE)
