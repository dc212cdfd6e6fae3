"""The extra sign-up details: the person's name and their organisation (existing or new)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts import selectors
from meetmalmo.accounts.validators import validate_http_url, validate_org_number
from meetmalmo.core.models import Sphere


class HttpURLField(forms.URLField):
    default_validators = [validate_http_url]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("error_messages", {"invalid": validate_http_url.message})
        super().__init__(**kwargs)


class SignupDetailsForm(forms.Form):
    """Mixed into allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=selectors.organisations(),
        required=False,
        empty_label=_("My organisation is not in the list"),
        help_text=_("Pick it from the list, or leave this and add your organisation below."),
    )
    new_organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    new_organisation_sphere = forms.ChoiceField(
        label=_("Sphere of society"),
        choices=[("", _("Choose a sphere"))] + list(Sphere.choices),
        required=False,
    )
    new_organisation_number = forms.CharField(
        label=_("Organisation number"),
        max_length=11,
        required=False,
        validators=[validate_org_number],
        help_text=_("Optional. Swedish format NNNNNN-NNNN."),
    )
    new_organisation_website = HttpURLField(
        label=_("Website"),
        max_length=300,
        required=False,
        help_text=_("Optional. Starts with http:// or https://."),
    )

    # Said to the person signing up; a form that speaks about someone else says it its own way.
    organisation_missing = _("Pick your organisation from the list above, or write its name here.")
    sphere_missing = _("Choose the sphere your organisation belongs to.")

    NEW_ORGANISATION_FIELDS = (
        "new_organisation_name",
        "new_organisation_sphere",
        "new_organisation_number",
        "new_organisation_website",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation"):
            return cleaned
        name = (cleaned.get("new_organisation_name") or "").strip()
        if not name and "new_organisation_name" not in self.errors:
            self.add_error("new_organisation_name", self.organisation_missing)
        elif name and selectors.organisation_name_taken(name):
            self.add_error(
                "new_organisation_name",
                _("%(name)s is already registered: pick it from the list above.") % {"name": name},
            )
        if name and not cleaned.get("new_organisation_sphere"):
            self.add_error("new_organisation_sphere", self.sphere_missing)
        return cleaned

    def new_organisation_data(self) -> dict | None:
        """The organisation to create, or None when an existing one was picked."""
        if self.cleaned_data.get("organisation"):
            return None
        return {
            "name": self.cleaned_data["new_organisation_name"],
            "sphere": self.cleaned_data["new_organisation_sphere"],
            "org_number": self.cleaned_data.get("new_organisation_number", ""),
            "website": self.cleaned_data.get("new_organisation_website", ""),
        }

    def signup(self, request, user):
        """Required by allauth; the details are saved with the user in AccountAdapter."""


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for its password, so that a session left open on a shared
    computer is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4_096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right. Nothing was deleted."))
        return password
