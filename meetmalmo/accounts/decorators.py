"""View decorators for the roles of SPEC §2."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from meetmalmo.accounts.permissions import is_process_manager, must_set_up_two_factor


def redirect_to_two_factor_setup(request):
    messages.info(
        request,
        _(
            "Staff pages and the administration need two-factor authentication. "
            "Set up an authenticator app to continue."
        ),
    )
    return redirect("mfa_activate_totp")


def requires(permission):
    """A page for the people a permission function lets in (a `can_*` or `is_*` of an app's
    permissions.py, asked with the person alone): visitors are asked to sign in; others who
    may not are refused; staff who must use two-factor and have not set it up are sent to do
    so."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not permission(request.user):
                if must_set_up_two_factor(request.user):
                    return redirect_to_two_factor_setup(request)
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# The office's pages: the queue, cases, groups' staff pages.
process_manager_required = requires(is_process_manager)
