"""Who may do what: one named function per question, each tested for every role."""


def is_member(user) -> bool:
    """Signed in with a verified address (allauth only lets verified people log in)."""
    return bool(user and user.is_authenticated and user.is_active)


def is_process_manager(user) -> bool:
    return is_member(user) and user.is_process_manager


def is_administrator(user) -> bool:
    return is_member(user) and user.is_superuser
