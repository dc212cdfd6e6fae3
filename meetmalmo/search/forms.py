"""The search box and its filters, and the library's filters: a query string, never saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.search.models import Kind
from meetmalmo.search.selectors import MAX_QUERY


class FocusAreaChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.text("name").value


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        # Longer text is accepted and read up to the limit: a pasted paragraph is no error.
        widget=forms.TextInput({"type": "search", "autocomplete": "off", "maxlength": MAX_QUERY}),
    )
    kind = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("Everything"))] + Kind.choices
    )
    focus_area = FocusAreaChoice(
        label=_("Focus area"),
        queryset=FocusArea.objects.filter(active=True),
        required=False,
        to_field_name="code",
        empty_label=_("All"),
    )


class LibraryFilterForm(forms.Form):
    focus_area = FocusAreaChoice(
        label=_("Focus area"),
        queryset=FocusArea.objects.filter(active=True),
        required=False,
        to_field_name="code",
        empty_label=_("All"),
    )
    sphere = forms.ChoiceField(
        label=_("Sphere involved"), required=False, choices=[("", _("All"))] + Sphere.choices
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    outcome = forms.CharField(label=_("Outcome"), required=False, max_length=120)

    def __init__(self, *args, years=(), labels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All"))] + [(y, str(y)) for y in years]
        self.fields["outcome"].widget = forms.Select(
            choices=[("", _("All"))] + [(label, label) for label in labels]
        )
