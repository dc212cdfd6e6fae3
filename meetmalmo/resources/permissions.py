"""Who may join the pool of Meet Malmö resources, and who may search it."""

from meetmalmo.accounts.permissions import is_member, is_process_manager


def can_join_pool(user) -> bool:
    """Any signed-in member; a visitor signs up first."""
    return is_member(user)


def can_search_pool(user) -> bool:
    """The directory and the match list show people's profiles and load: process managers
    only, who form the groups."""
    return is_process_manager(user)
