"""View decorators for the roles of SPEC §2."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from meetmalmo.accounts.permissions import is_process_manager


def process_manager_required(view):
    """Visitors are asked to sign in; members who are not process managers are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_process_manager(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
