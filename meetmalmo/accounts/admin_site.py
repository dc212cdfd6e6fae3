"""Django's admin, for administrators only. Signing in goes through the portal's own login
(allauth's: rate-limited, and asking for the second factor of those who have one) instead of the
admin's own form, and staff who must use two-factor set it up before the admin opens."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from meetmalmo.accounts.permissions import must_set_up_two_factor


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and not must_set_up_two_factor(request.user)

    def login(self, request, extra_context=None):
        """Every admin page sends people without access here, with the page in `next`."""
        # Imported here: this module loads with INSTALLED_APPS, before the models are ready.
        from django.contrib.auth.views import redirect_to_login

        from meetmalmo.accounts.decorators import redirect_to_two_factor_setup

        index = reverse("admin:index", current_app=self.name)
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = index
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(target, reverse("account_login"))
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        if must_set_up_two_factor(user):
            return redirect_to_two_factor_setup(request)
        return redirect(target)


class AdminConfig(DjangoAdminConfig):
    default_site = "meetmalmo.accounts.admin_site.AdminSite"
