"""Who may read the office's figures; the public figures are for everyone."""

from meetmalmo.accounts.permissions import is_process_manager


def can_see_office_figures(user) -> bool:
    """The charts, tables and exports per period: they count cases that are not public yet."""
    return is_process_manager(user)
