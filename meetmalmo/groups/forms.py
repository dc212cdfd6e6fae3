from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.forms import HttpURLField
from meetmalmo.accounts.selectors import active_person_by_email, organisations
from meetmalmo.groups.models import Link, Milestone, Role, Update

HANDOVER_DAYS_BACK = 366  # a handover agreed at a meeting may be recorded afterwards
HANDOVER_DAYS_AHEAD = 2 * 366


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("The member's e-mail"),
        help_text=_("Anyone with an account in the portal. Resources are suggested above."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    message = forms.CharField(
        label=_("Message"), required=False, max_length=2_000, widget=forms.Textarea({"rows": 3})
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = active_person_by_email(email)
        if user is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail has an account. Ask them to sign up first.")
            )
        self.invitee = user
        return email


class ResourceInviteForm(forms.Form):
    """An invitation from the match list: the person is chosen, the role and a personal
    message are written and previewed before it is sent."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=2_000,
        help_text=_("Why you invite them to this group; it is part of the e-mail."),
        widget=forms.Textarea({"rows": 5}),
        error_messages={
            "max_length": _(
                "Write at most %(limit_value)d characters (the message has %(show_value)d)."
            )
        },
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea({"rows": 3}),
    )


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}


class UpdateForm(forms.ModelForm):
    class Meta:
        model = Update
        fields = ["body"]
        widgets = {"body": forms.Textarea({"rows": 4})}


class LinkForm(forms.ModelForm):
    url = HttpURLField(label=_("Address"), max_length=500)

    class Meta:
        model = Link
        fields = ["title", "url"]


class HandoverForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation taking over"),
        queryset=organisations(unconfirmed=True),
        empty_label=_("Choose an organisation"),
    )
    email = forms.EmailField(
        label=_("The new owner's e-mail"), help_text=_("A person with an account in the portal.")
    )
    date = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2_000, widget=forms.Textarea({"rows": 3})
    )

    def clean_date(self):
        # The date may be past (agreed at a meeting) or to come, but not absurdly far either way.
        chosen = self.cleaned_data["date"]
        today = timezone.localdate()
        if chosen < today - timedelta(days=HANDOVER_DAYS_BACK):
            raise forms.ValidationError(_("The date can be at most a year ago."))
        if chosen > today + timedelta(days=HANDOVER_DAYS_AHEAD):
            raise forms.ValidationError(_("The date can be at most two years ahead."))
        return chosen

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.person = active_person_by_email(email)
        if self.person is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail has an account. Ask them to sign up first.")
            )
        return email
