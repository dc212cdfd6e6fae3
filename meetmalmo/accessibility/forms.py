"""The form for reporting an accessibility problem or asking for content in another form. Spam is
kept out as in the comment form: a field people do not see, and a signed start time (nobody
writes a report in a couple of seconds)."""

import unicodedata
from datetime import timedelta

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from meetmalmo.accessibility.models import AccessibilityReport

STARTED = "meetmalmo.accessibility.report-started"
MIN_SECONDS = 3
# Older than this, the start time is stale: the person is asked to send again, not ignored.
MAX_AGE = timedelta(days=1)
LINE_BREAKS = {"\n", "\r", "\t"}


def _has_control_characters(value: str, allowed: set[str]) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in value)


class AccessibilityReportForm(forms.ModelForm):
    # A field people do not see; software that fills every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AccessibilityReport
        fields = ["kind", "name", "email", "page", "description"]
        labels = {
            "kind": _("What is it about?"),
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "page": _("The page concerned"),
            "description": _("Describe the problem, or the content you need and in what form"),
        }
        help_texts = {
            "name": _("If you like."),
            "email": _("We answer to this address."),
            "page": _("Its address or title, if you know it."),
            "description": _(
                "For example what did not work, with which assistive technology, or which "
                "content you need in large print, as easy-to-read text or as a document that "
                "works with a screen reader. At most 3,000 characters."
            ),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput({"autocomplete": "name"}),
            "email": forms.EmailInput({"autocomplete": "email"}),
            "description": forms.Textarea({"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AccessibilityReport.Kind.choices  # no empty choice
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["started"].initial = signing.TimestampSigner(salt=STARTED).sign("report")

    def _plain(self, name: str, allowed: set[str]) -> str:
        value = self.cleaned_data[name]
        if _has_control_characters(value, allowed):
            raise forms.ValidationError(
                _("Remove the invisible control characters from the text."), code="control"
            )
        return value

    def clean_name(self):
        name = self._plain("name", set())
        if "<" in name or ">" in name:
            raise forms.ValidationError(_("A name cannot contain < or >."), code="markup")
        return name

    def clean_page(self):
        return self._plain("page", set())

    def clean_description(self):
        # Markup is welcome here as text (it may be what the problem is about); it is never
        # shown as HTML and is e-mailed as plain text.
        return self._plain("description", LINE_BREAKS)

    def clean(self):
        cleaned = super().clean()
        signer = signing.TimestampSigner(salt=STARTED)
        try:
            signer.unsign(self.data.get(self.add_prefix("started"), ""), max_age=MAX_AGE)
        except signing.SignatureExpired:
            # Shown again with what was typed and a fresh start time.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = self.fields["started"].initial
            self.add_error(
                None,
                _("The form was open for more than a day. Check what you wrote and send it again."),
            )
        except signing.BadSignature:
            pass  # forged or missing: is_spam() says so
        return cleaned

    def is_spam(self) -> bool:
        """Filled the hidden field, forged the start, or sent faster than a person writes."""
        if self.data.get(self.add_prefix("website")):
            return True
        signer = signing.TimestampSigner(salt=STARTED)
        try:
            signer.unsign(self.data.get(self.add_prefix("started"), ""), max_age=MIN_SECONDS)
        except signing.SignatureExpired:
            return False  # older than the minimum: a person's pace
        except signing.BadSignature:
            return True
        return True
