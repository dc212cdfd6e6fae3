"""Django's admin, for administrators only. Signing in goes through the portal's own login
(allauth's: rate-limited, and asking for the second factor of those who have one) instead of the
admin's own form, by allauth's `secure_admin_login`; staff who must use two-factor set it up
before the admin opens."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from meetmalmo.accounts.permissions import must_set_up_two_factor


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and not must_set_up_two_factor(request.user)

    def login(self, request, extra_context=None):
        """Every admin page sends people without access here, with the page in `next`. Visitors
        are sent to the portal's login, people who are not staff refused, and the admin's own
        form is never shown: a password posted here signs nobody in."""
        # Imported here: this module loads with INSTALLED_APPS, before the models are ready.
        from allauth.account.decorators import secure_admin_login

        target = self._target(request)
        # allauth sends a visitor to sign in with `next` as it finds it, else with this login
        # address itself; the page asked for, or the admin's index, is where they come back to.
        query = request.GET.copy()
        query[REDIRECT_FIELD_NAME] = target
        request.GET = query
        return secure_admin_login(self._signed_in)(request, target)

    def _target(self, request) -> str:
        """The admin page to go on to: `next` when it is on this site, else the index."""
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return reverse("admin:index", current_app=self.name)

    def _signed_in(self, request, target):
        """Staff, signed in through the portal: on to the admin, through two-factor set-up
        where they must use it."""
        from meetmalmo.accounts.decorators import redirect_to_two_factor_setup

        if must_set_up_two_factor(request.user):
            return redirect_to_two_factor_setup(request)
        return redirect(target)


class AdminConfig(DjangoAdminConfig):
    default_site = "meetmalmo.accounts.admin_site.AdminSite"
