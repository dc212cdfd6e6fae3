"""The form for reporting an accessibility problem or asking for content in another form. Spam is
kept out as in the comment form, by the public forms' spam trap."""

import unicodedata
from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.accessibility.models import AccessibilityReport
from meetmalmo.core.forms import SpamTrapMixin

STARTED = "meetmalmo.accessibility.report-started"
LINE_BREAKS = {"\n", "\r", "\t"}


def _has_control_characters(value: str, allowed: set[str]) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in value)


class AccessibilityReportForm(SpamTrapMixin, forms.ModelForm):
    spam_trap_salt = STARTED
    spam_trap_value = "report"
    # A report e-mails a receipt to whatever address is typed, so a start older than a day,
    # which software could keep sending, is not trusted to send mail: the person is asked to
    # send again, with nothing lost.
    spam_trap_max_age = timedelta(days=1)
    spam_trap_stale_message = _(
        "The form was open for more than a day. Check what you wrote and send it again."
    )
    # Nor is a start sent twice: each page of the form sends one report.
    spam_trap_single_use = True

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
