"""Who may keep the register of existing efforts, its glossary and the inventory of a case."""

from meetmalmo.accounts.permissions import is_process_manager


def can_keep_register(user) -> bool:
    """Efforts, their CSV import and the glossary of the related-work search: the office's."""
    return is_process_manager(user)


def can_keep_inventory(user) -> bool:
    """Linking work to a case or dismissing it: part of triage, which is staff-only."""
    return is_process_manager(user)
