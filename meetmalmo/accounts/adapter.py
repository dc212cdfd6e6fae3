"""allauth hooks: save a new member together with their organisation, all or nothing."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from meetmalmo.accounts.services import organisation_create


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=False)
            user.name = form.cleaned_data["name"].strip()
            new_organisation = form.new_organisation_data()
            user.organisation = (
                organisation_create(**new_organisation)
                if new_organisation
                else form.cleaned_data["organisation"]
            )
            if commit:
                user.save()
        return user
