from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "meetmalmo.figures"
    verbose_name = _("Figures")

    def ready(self):
        from meetmalmo.accounts.models import Organisation, User
        from meetmalmo.core import reminders
        from meetmalmo.core.models import FocusArea
        from meetmalmo.figures import maintained
        from meetmalmo.groups.models import Handover, Membership, WorkingGroup
        from meetmalmo.initiatives.models import CaseEvent, Initiative
        from meetmalmo.publishing.models import Outcome, Project, Report
        from meetmalmo.resources.models import ResourceProfile

        # Everything the maintained figures count: a change to any of them queues a recount.
        maintained.subscribe(
            [
                Initiative,
                CaseEvent,
                WorkingGroup,
                Membership,
                Handover,
                Project,
                Report,
                Outcome,
                ResourceProfile,
                Organisation,
                User,
                FocusArea,
            ]
        )
        reminders.register(maintained.hourly)
