from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "meetmalmo.figures"
    verbose_name = _("Figures")

    def ready(self):
        from meetmalmo.accounts.models import Organisation, User
        from meetmalmo.core import reminders
        from meetmalmo.core.models import FocusArea
        from meetmalmo.events.models import Event, EventInitiative
        from meetmalmo.figures import maintained
        from meetmalmo.groups.models import Handover, Membership, WorkingGroup
        from meetmalmo.initiatives.models import Initiative
        from meetmalmo.publishing.models import Outcome, Project, Report
        from meetmalmo.resources.models import ResourceProfile

        # Everything the maintained figures count: a change to any of them queues a recount.
        # A person counts only by leaving (a sign-in saves the account); a withdrawal's case
        # event is written with the state it changes.
        maintained.subscribe(
            [
                Initiative,
                WorkingGroup,
                Membership,
                Handover,
                Project,
                Report,
                Outcome,
                ResourceProfile,
                Organisation,
                FocusArea,
                Event,
                EventInitiative,
            ],
            deleted=[User],
        )
        reminders.register(maintained.hourly)
