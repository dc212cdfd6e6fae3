"""Staff who must use two-factor and have not set it up are sent to set it up from any page that
refuses them, not only from the staff pages: a working group's page or a case's attachment asks
whether they are staff, is told no (permissions.is_process_manager), and would otherwise answer
403 or 404 where the person only has a step left to take."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from meetmalmo.accounts.decorators import redirect_to_two_factor_setup
from meetmalmo.accounts.permissions import must_set_up_two_factor


class TwoFactorSetupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        refused = isinstance(exception, PermissionDenied | Http404)
        if refused and must_set_up_two_factor(getattr(request, "user", None)):
            return redirect_to_two_factor_setup(request)
        return None
