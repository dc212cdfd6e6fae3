from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "meetmalmo.accounts"
    verbose_name = _("People and organisations")

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.contrib.auth.signals import user_logged_in

        email_confirmed.connect(_join_on_verified_address, dispatch_uid="accounts-join-domain")
        user_logged_in.connect(_join_on_login, dispatch_uid="accounts-join-domain-login")


def _join_on_verified_address(request, email_address, **kwargs):
    """The moment an address is proved, a domain the office approved makes its owner a member."""
    from meetmalmo.accounts.services import join_by_approved_domain

    join_by_approved_domain(user=email_address.user)


def _join_on_login(sender, request, user, **kwargs):
    # Also at sign-in: a domain approved after the address was verified applies then.
    from meetmalmo.accounts.services import join_by_approved_domain

    join_by_approved_domain(user=user)
