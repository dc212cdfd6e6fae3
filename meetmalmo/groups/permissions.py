"""Who may see and change a working group."""

from meetmalmo.accounts.permissions import is_member, is_process_manager
from meetmalmo.groups.models import EDITING_ROLES, Role


def _role(user, group) -> str | None:
    if not user.is_authenticated:
        return None
    for membership in group.memberships.all():  # prefetched on the workspace
        if membership.user_id == user.pk:
            return membership.role
    return None


def can_see_group(user, group) -> bool:
    """Staff, members, and the person asked to take over ownership (to accept it there)."""
    return can_post_update(user, group) or (
        user.is_authenticated
        and any(h.person_id == user.pk and not h.accepted_at for h in group.handovers.all())
    )


def can_edit_group(user, group) -> bool:
    """Milestones and links: the owner, process support and staff."""
    return is_process_manager(user) or _role(user, group) in EDITING_ROLES


def can_post_update(user, group) -> bool:
    return is_process_manager(user) or _role(user, group) is not None


def can_change_update(user, update) -> bool:
    """Its writer, while still in the group, edits or deletes an update; nobody else does."""
    return update.author_id == user.pk and can_post_update(user, update.group)


def is_invited(user, invitation) -> bool:
    """Only the person an invitation was sent to answers it, whoever else opens the link."""
    return is_member(user) and invitation.invitee_id == user.pk


def can_accept_handover(user, handover) -> bool:
    """Only the person named as the new owner, not the old owner nor staff."""
    return is_member(user) and handover.person_id == user.pk


def can_choose_message_recipient(user, group) -> bool:
    """Only the group's owner decides whether messages from the project page come to them."""
    return _role(user, group) == Role.OWNER


def can_read_project_messages(user, group) -> bool:
    """The office reads every message sent from the project page, whoever answered it."""
    return is_process_manager(user)
