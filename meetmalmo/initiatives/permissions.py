"""Who may see a case."""

from meetmalmo.accounts.permissions import is_member, is_process_manager


def can_see_case(user, initiative) -> bool:
    """The submitter and the process managers; nobody else learns the case exists. A draft is
    its writer's alone until it is sent."""
    if is_submitter(user, initiative):
        return True
    return is_process_manager(user) and not initiative.is_draft


def is_submitter(user, initiative) -> bool:
    """The member who brought the initiative in answers the office's questions about it."""
    return is_member(user) and user.pk == initiative.submitter_id
