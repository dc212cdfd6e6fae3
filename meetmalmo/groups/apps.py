from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "meetmalmo.groups"
    verbose_name = _("Working groups")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.groups import services
        from meetmalmo.groups.notices import KINDS
        from meetmalmo.groups.personal_data import HOLDING
        from meetmalmo.initiatives import workflow
        from meetmalmo.notifications import kinds

        # A working group opens when the office starts forming it; its members hear when the
        # work ends either way.
        workflow.follow("form_group", services.group_open)
        workflow.follow("complete", services.tell_members)
        workflow.follow("discontinue", services.tell_members)
        reminders.register(services.hourly_handovers)
        reminders.register(services.hourly)
        personal_data.register(HOLDING)
        for kind in KINDS:
            kinds.register(kind)
