from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "meetmalmo.publishing"
    verbose_name = _("News and publishing")

    def ready(self):
        from meetmalmo.accounts import personal_data
        from meetmalmo.core import reminders
        from meetmalmo.events import following as meetings
        from meetmalmo.groups.signals import work_moved_on
        from meetmalmo.initiatives import workflow
        from meetmalmo.notifications import follows, kinds
        from meetmalmo.publishing import following, reports, services
        from meetmalmo.publishing.personal_data import HOLDING

        # An adopted initiative gets its project page drafted at once; the group's work keeps
        # the page's activity current.
        workflow.follow("adopt", services.project_open)
        work_moved_on.connect(services.on_group_work, dispatch_uid="publishing.group_work")
        reminders.register(reports.hourly)
        personal_data.register(HOLDING)
        kinds.register(reports.REPORT_DUE)
        kinds.register(follows.FOLLOWING)
        for followable in following.FOLLOWABLE:
            follows.register(followable)
        reminders.register(following.hourly)
        reminders.register(services.preview_images_prune)
        # A meeting about a project's initiative is news to the project's followers.
        meetings.register_targets(following.meeting_projects)
