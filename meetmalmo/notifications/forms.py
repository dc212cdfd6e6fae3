"""The person's notification settings: one choice per kind they may choose."""

from django import forms

from meetmalmo.notifications import kinds
from meetmalmo.notifications.models import Frequency


class SettingsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.choosable():
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices, widget=forms.RadioSelect
            )
