"""The public subscription form and the office's form for an issue."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.forms import SpamTrapMixin
from meetmalmo.newsletter import selectors
from meetmalmo.newsletter.models import Issue


class SubscribeForm(SpamTrapMixin, forms.Form):
    spam_trap_salt = "newsletter.subscribe"
    spam_trap_value = "newsletter"
    spam_trap_min_seconds = 2

    name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:  # a member subscribes with their account's address
            del self.fields["name"]
            del self.fields["email"]


class IssueForm(forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["subject_sv", "subject_en", "intro_sv", "intro_en", "articles", "projects"]
        widgets = {
            "articles": forms.CheckboxSelectMultiple,
            "projects": forms.CheckboxSelectMultiple,
            "intro_sv": forms.Textarea(attrs={"rows": 6}),
            "intro_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The news and projects to pick from: recently published ones, and what the issue
        # already holds.
        chosen = self.instance.pk and self.instance
        self.fields["articles"].queryset = selectors.articles_to_pick(chosen or None)
        self.fields["projects"].queryset = selectors.projects_to_pick(chosen or None)
        self.fields["articles"].label_from_instance = lambda item: item.text("title").value
        self.fields["projects"].label_from_instance = lambda item: item.text("title").value
