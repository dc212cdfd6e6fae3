"""The extra sign-up details: the person's name and their organisation (existing or new)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts import selectors
from meetmalmo.accounts.validators import (
    normalize_domain,
    normalize_org_number,
    validate_approved_domain,
    validate_http_url,
    validate_org_number,
)
from meetmalmo.core.models import Sphere


class HttpURLField(forms.URLField):
    default_validators = [validate_http_url]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("error_messages", {"invalid": validate_http_url.message})
        super().__init__(**kwargs)


class OrgNumberField(forms.CharField):
    """An organisation number written with or without its hyphen, kept as NNNNNN-NNNN."""

    default_validators = [validate_org_number]

    def to_python(self, value):
        return normalize_org_number(super().to_python(value))


# Only the office adds a City department or another public authority: a name alone would let
# anyone speak for them.
PUBLIC_BODIES = {Sphere.CITY, Sphere.PUBLIC_AUTHORITY}


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
        help_text=_(
            "Pick it from the list, or leave this and add your organisation below. Picked from "
            "the list, you belong to it once its members or the office approve your request."
        ),
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
    new_organisation_number = OrgNumberField(
        label=_("Organisation number"),
        max_length=13,
        required=False,
        help_text=_("Optional. Ten digits, with or without the hyphen: NNNNNN-NNNN."),
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
    public_body_refused = _(
        "The office adds City departments and other public authorities: pick yours from the "
        "list above, or write to the office if it is missing."
    )
    # Staff recording someone's initiative may add any organisation; a person signing up may not.
    may_add_public_bodies = False

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
        sphere = cleaned.get("new_organisation_sphere")
        if name and not sphere:
            self.add_error("new_organisation_sphere", self.sphere_missing)
        elif name and sphere in PUBLIC_BODIES and not self.may_add_public_bodies:
            self.add_error("new_organisation_sphere", self.public_body_refused)
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


class JoinOrganisationForm(forms.Form):
    """Asking to belong to an organisation the office has confirmed."""

    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=selectors.organisations(),
        empty_label=_("Choose an organisation"),
        error_messages={
            "required": _("Choose the organisation you belong to."),
            "invalid_choice": _("Choose an organisation from the list."),
        },
    )


class ApprovedDomainForm(forms.Form):
    """The office approves an e-mail domain for a confirmed organisation."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=selectors.organisations(),
        empty_label=_("Choose an organisation"),
        error_messages={
            "required": _("Choose the organisation the domain belongs to."),
            "invalid_choice": _("Choose an organisation from the list."),
        },
    )
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_(
            "The part of the address after @, such as malmo.se. Public webmail is refused."
        ),
        error_messages={
            "required": _("Write the e-mail domain."),
            "max_length": _("A domain has at most %(limit_value)d characters."),
        },
    )

    def clean_domain(self) -> str:
        domain = normalize_domain(self.cleaned_data["domain"])
        validate_approved_domain(domain)
        if selectors.approved_domains().filter(domain=domain).exists():
            raise forms.ValidationError(
                _("%(domain)s is already approved for an organisation.") % {"domain": domain}
            )
        return domain
