"""Sending an issue, in the worker: resumable, since what was sent is marked one by one."""

from django_tasks import task

from meetmalmo.newsletter.models import Issue
from meetmalmo.newsletter.services import deliver_next


@task()
def send_issue(issue_id: int) -> None:
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None:
        return
    while deliver_next(issue):
        pass
