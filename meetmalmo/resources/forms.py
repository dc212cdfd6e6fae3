from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.resources.models import Industry, ResourceProfile, SpokenLanguage

MAX_COMPETENCES = 15


class ResourceProfileForm(forms.ModelForm):
    competences_text = forms.CharField(
        label=_("Competences"),
        max_length=1_000,
        help_text=_(
            "What you know and can help with, separated by commas, e.g. recruitment, "
            "hospitality, event production. Choose from the suggestions or write your own."
        ),
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas of interest"),
        queryset=FocusArea.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one focus area.")},
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages you work in"),
        queryset=SpokenLanguage.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the Trade and Industry Office may contact me about working groups"),
        help_text=_(
            "Process managers see your profile and contact details and may invite you to "
            "working groups. Group members see your contact details once you join. You can "
            "pause your profile or leave the pool at any time from My page; leaving deletes it."
        ),
        error_messages={"required": _("Without your consent we cannot suggest you to groups.")},
    )

    class Meta:
        model = ResourceProfile
        fields = [
            "title",
            "industry",
            "competences_text",
            "focus_areas",
            "languages",
            "hours_per_month",
            "presentation",
            "active",
            "consent",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "presentation": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "hours_per_month": {
                "max_value": _("At most 200 hours a month."),
                "min_value": _("Hours cannot be negative."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", _("Choose a section"))] + Industry.choices
        self.fields["hours_per_month"].widget.attrs.update(min=0, max=200)
        self.fields["hours_per_month"].min_value = 0
        self.fields["competences_text"].widget.attrs["list"] = "competence-suggestions"
        if self.instance.pk and not self.is_bound:
            names = self.instance.competences.values_list("name", flat=True)
            self.initial["competences_text"] = ", ".join(names)

    def clean_competences_text(self) -> list[str]:
        names = []
        for name in self.cleaned_data["competences_text"].split(","):
            name = " ".join(name.split())
            if name and name.lower() not in (n.lower() for n in names):
                names.append(name)
        if not names:
            raise forms.ValidationError(_("Write at least one competence."))
        if len(names) > MAX_COMPETENCES:
            raise forms.ValidationError(
                _("At most %(count)d competences.") % {"count": MAX_COMPETENCES}
            )
        if any(len(name) > 60 for name in names):
            raise forms.ValidationError(_("Each competence can have at most 60 characters."))
        return names


class DirectoryFilterForm(forms.Form):
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"),
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    competence = forms.CharField(label=_("Competence"), required=False, max_length=60)
    industry = forms.ChoiceField(label=_("Industry (SNI)"), required=False)
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=SpokenLanguage.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    min_hours = forms.IntegerField(
        label=_("At least hours a month"), required=False, min_value=0, max_value=200
    )
    sphere = forms.ChoiceField(label=_("Sphere"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", _("All"))] + Industry.choices
        self.fields["sphere"].choices = [("", _("All"))] + Sphere.choices
