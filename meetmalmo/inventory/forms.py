from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.forms import HttpURLField
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.inventory.models import Effort, EffortStatus, GlossaryEntry


class EffortForm(forms.ModelForm):
    url = HttpURLField(label=_("Link"), required=False, max_length=500)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Effort
        fields = [
            "title",
            "description",
            "owner_org",
            "sphere",
            "internal",
            "contact_email",
            "url",
            "focus_areas",
            "status",
            "language",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["internal"].help_text = _(
                "Leave it: it follows the sphere (City of Malmö)."
            )

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and cleaned.get("sphere") == Sphere.CITY:
            cleaned["internal"] = True
        return cleaned


class EffortFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sphere = forms.ChoiceField(
        label=_("Sphere"), required=False, choices=[("", _("All spheres"))] + list(Sphere.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + list(EffortStatus.choices),
    )
    archived = forms.BooleanField(label=_("Show archived"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, comma or semicolon separated, with the header title, description, "
            "owner_org, sphere, contact_email, url, focus_areas, status."
        ),
    )
    dry_run = forms.BooleanField(label=_("Only check the file, save nothing"), required=False)


class GlossaryEntryForm(forms.ModelForm):
    class Meta:
        model = GlossaryEntry
        fields = ["swedish", "english"]
        widgets = {
            "swedish": forms.TextInput(attrs={"lang": "sv"}),
            "english": forms.TextInput(attrs={"lang": "en"}),
        }

    def clean(self):
        cleaned = super().clean()
        for name in ("swedish", "english"):
            value = cleaned.get(name)
            if value is not None and not [p for p in value.split(",") if p.strip()]:
                self.add_error(name, _("Write at least one word."))
        return cleaned
