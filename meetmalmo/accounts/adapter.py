"""allauth hooks: save a new member together with their organisation, all or nothing."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language

from meetmalmo.accounts.services import organisation_create


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=False)
            user.name = form.cleaned_data["name"].strip()
            user.language = get_language() or settings.LANGUAGE_CODE
            new_organisation = form.new_organisation_data()
            user.organisation = (
                organisation_create(**new_organisation)
                if new_organisation
                else form.cleaned_data["organisation"]
            )
            if commit:
                user.save()
        return user
