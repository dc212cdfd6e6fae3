"""Who may publish news and project pages, moderate comments, and write or decide reports."""

from meetmalmo.accounts.permissions import is_member, is_process_manager
from meetmalmo.groups.models import EDITING_ROLES


def can_publish(user) -> bool:
    """News articles and project pages are the office's voice."""
    return is_process_manager(user)


def can_moderate_comments(user) -> bool:
    return is_process_manager(user)


def can_answer_comments(user) -> bool:
    """An answer under a reader's comment speaks for the office."""
    return is_process_manager(user)


def can_write_report(user, initiative) -> bool:
    """The group's owner and process support, and process managers."""
    if is_process_manager(user):
        return True
    group = getattr(initiative, "group", None)
    return bool(
        is_member(user)
        and group is not None
        and group.memberships.filter(user=user, role__in=EDITING_ROLES).exists()
    )


def can_decide_report(user) -> bool:
    """Publishing a report, or sending it back to the group, is the office's decision."""
    return is_process_manager(user)
