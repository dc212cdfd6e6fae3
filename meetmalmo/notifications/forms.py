"""The person's notification settings: one choice per kind they may choose."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.forms import SpamTrapMixin
from meetmalmo.notifications import kinds
from meetmalmo.notifications.models import Frequency


class SettingsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.choosable():
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices, widget=forms.RadioSelect
            )


class FollowByEmailForm(SpamTrapMixin, forms.Form):
    """A visitor's address to follow something by e-mail; confirmed by a link before use."""

    spam_trap_salt = "notifications.follow"
    spam_trap_value = "follow"
    spam_trap_min_seconds = 2

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
