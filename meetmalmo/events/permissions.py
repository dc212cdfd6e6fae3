"""Who may see and change meetings and their registrations."""

from meetmalmo.accounts.permissions import is_member, is_process_manager


def can_manage_events(user) -> bool:
    """Creating, publishing, cancelling, the registrants, attendance and minutes: the office."""
    return is_process_manager(user)


def can_see_event(user, event) -> bool:
    """A draft only for the office; a published or cancelled meeting for everyone."""
    return event.state != event.State.DRAFT or can_manage_events(user)


def can_see_online_link(user, event, registration) -> bool:
    """Only those who hold a seat, and the office."""
    return can_manage_events(user) or (
        is_member(user)
        and registration is not None
        and registration.status == registration.Status.CONFIRMED
    )
