"""allauth hooks: save a new member together with their organisation, all or nothing (one
picked from the list is a request to join it); name the portal in allauth's e-mails; count
wrong passwords per address and place, and tell the owner; keep two-factor on for staff who
must use it."""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.urls import reverse
from django.utils.translation import get_language

from meetmalmo.accounts.models import Organisation
from meetmalmo.accounts.permissions import must_use_two_factor
from meetmalmo.accounts.selectors import active_person_by_email
from meetmalmo.accounts.services import (
    membership_request_create,
    organisation_create,
    tell_of_wrong_passwords,
)
from meetmalmo.core.mail import absolute


class Portal:
    """What allauth's e-mails call the site ("registered on Meet Malmö"): without Django's Sites
    framework allauth would name the host the request came to, such as 127.0.0.1:8000."""

    name = domain = "Meet Malmö"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        super().send_mail(template_prefix, email, {**context, "current_site": Portal})

    def clean_email(self, email):
        """An address longer than the column would be cut short on saving (and mail sent to a
        stranger's address), so it is refused beside the field. Django's forms allow 320
        characters; an address can have 254."""
        email = super().clean_email(email)
        MaxLengthValidator(EmailAddress._meta.get_field("email").max_length)(email)
        return email

    # allauth builds its links from the request, which behind a proxy or in the worker is not
    # the address people reach the portal at; every e-mail link comes from SITE_URL instead.
    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email):
        """Someone signed up with an address that has an account: its owner is told, and shown
        the way back in (allauth would link to the host the request came to)."""
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "password_reset_url": absolute(reverse("account_reset_password")),
                "login_url": absolute(reverse("account_login")),
            },
        )

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute(path.replace("UID-KEY", quote(key)))

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Wrong passwords are counted per address *and* the place they come from (beside
        allauth's count per place alone): counted per address only, anyone could keep anyone's
        account locked by typing its address with a wrong password five times. A password reset
        clears the count for the place it is made from, so the owner always has a way in."""
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{login}|{self.get_client_ip(request)}"

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            owner = active_person_by_email(credentials.get("email", ""))
            if owner is not None:
                tell_of_wrong_passwords(user=owner, place=self.get_client_ip(request))
            raise

    def save_user(self, request, user, form, commit=True):
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=False)
            user.name = form.cleaned_data["name"].strip()
            user.language = get_language() or settings.LANGUAGE_CODE
            new_organisation = form.new_organisation_data()
            # An existing organisation picked from the list is only asked to join: a name
            # picked proves nothing until its members or the office say so.
            picked = None if new_organisation else form.cleaned_data["organisation"]
            user.organisation = (
                organisation_create(**new_organisation) if new_organisation else None
            )
            if commit:
                user.save()
                if new_organisation:
                    # Listed for its creator and staff only, until the office confirms it.
                    Organisation.objects.filter(pk=user.organisation_id).update(created_by=user)
                elif picked is not None:
                    membership_request_create(user=user, organisation=picked)
        return user


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """Staff who must use two-factor cannot switch it off (they would be sent straight back
        to set it up again, with a moment in between when a password alone would do)."""
        return not must_use_two_factor(authenticator.user)
