"""The meetings' forms: the office's meeting, cancellation, message and minutes, and the
visitor's registration."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.models import User
from meetmalmo.core.forms import SpamTrapMixin
from meetmalmo.core.images import ImageField, bare_credit, require_description
from meetmalmo.core.models import FocusArea
from meetmalmo.events.models import Event, Kind

WHEN = {"type": "datetime-local"}
WHEN_FORMAT = "%Y-%m-%dT%H:%M"


def _when(label, *, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs=WHEN, format=WHEN_FORMAT),
        error_messages={
            "required": _("Give a date and a time."),
            "invalid": _("Write the date and time as 2026-03-14 08:00."),
        },
    )


class EventForm(forms.ModelForm):
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Shown only to those registered."),
    )
    starts_at = _when(_("Starts"))
    ends_at = _when(_("Ends"))
    registration_opens_at = _when(
        _("Registration opens"), required=False, help_text=_("Empty: at once.")
    )
    registration_closes_at = _when(
        _("Registration closes"), required=False, help_text=_("Empty: when the meeting starts.")
    )

    class Meta:
        model = Event
        fields = [
            "slug",
            "kind",
            "title_sv",
            "lead_sv",
            "description_sv",
            "title_en",
            "lead_en",
            "description_en",
            "image",
            "image_alt_sv",
            "image_alt_en",
            "photo_credit",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "address",
            "online_link",
            "spoken",
            "accessibility_sv",
            "accessibility_en",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "organiser",
            "focus_areas",
            "related_initiatives",
        ]
        field_classes = {"image": ImageField}
        widgets = {
            "lead_sv": forms.Textarea(attrs={"rows": 3, "lang": "sv"}),
            "lead_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "description_sv": forms.Textarea(attrs={"rows": 10, "lang": "sv"}),
            "description_en": forms.Textarea(attrs={"rows": 10, "lang": "en"}),
            "accessibility_sv": forms.Textarea(attrs={"rows": 3, "lang": "sv"}),
            "accessibility_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "title_sv": forms.TextInput(attrs={"lang": "sv"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "focus_areas": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        from meetmalmo.initiatives.models import Initiative
        from meetmalmo.initiatives.workflow import State

        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = User.objects.filter(
            is_process_manager=True, is_active=True
        ).order_by("name")
        self.fields["focus_areas"].queryset = FocusArea.objects.filter(active=True)
        # The projects: initiatives brought to life.
        self.fields["related_initiatives"].queryset = Initiative.objects.filter(
            state__in=(State.ADOPTED, State.GROUP_FORMING, State.ACTIVE, State.COMPLETED)
        ).order_by("title")
        self.fields["related_initiatives"].required = False
        self.fields["capacity"].widget.attrs["min"] = 0
        self.fields["capacity"].error_messages["min_value"] = _("Seats cannot be fewer than 0.")

    def clean_photo_credit(self):
        return bare_credit(self.cleaned_data["photo_credit"])

    def clean(self):
        data = super().clean()
        if not (data.get("title_sv") or data.get("title_en")):
            self.add_error("title_sv", _("Give the meeting a title in Swedish or English."))
        require_description(self)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        closes = data.get("registration_closes_at")
        if starts and closes and closes > starts:
            self.add_error(
                "registration_closes_at",
                _("Registration must close before the meeting starts, or when it starts."),
            )
        opens = data.get("registration_opens_at")
        if opens and closes and opens >= closes:
            self.add_error("registration_opens_at", _("Registration must open before it closes."))
        if data.get("format") in ("online", "hybrid") and not data.get("online_link"):
            self.add_error("online_link", _("Give the link for those taking part online."))
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the meeting's page and sent to everyone registered."),
        error_messages={"required": _("Say why the meeting is cancelled.")},
    )


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject"), max_length=150, error_messages={"required": _("Give a subject.")}
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write the message.")},
    )


class MinutesForm(forms.Form):
    minutes_sv = forms.CharField(
        label=_("Minutes (Swedish)"),
        max_length=30_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "sv"}),
        help_text=_("What was discussed, the decisions and the next steps. Markdown is allowed."),
    )
    minutes_en = forms.CharField(
        label=_("Minutes (English)"),
        max_length=30_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "en"}),
    )


class InviteForm(forms.Form):
    """Resources from the pool: all of a focus area's, or picked by hand."""

    focus_area = forms.ModelChoiceField(
        label=_("Everyone in the pool with an interest in"),
        queryset=FocusArea.objects.filter(active=True),
        required=False,
        empty_label=_("No focus area: pick by hand below"),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Resources"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = pool
        self.fields["people"].label_from_instance = lambda user: user.name or user.email

    def clean(self):
        data = super().clean()
        if not data.get("focus_area") and not data.get("people"):
            raise forms.ValidationError(_("Choose a focus area or at least one resource."))
        return data


class VisitorForm(SpamTrapMixin, forms.Form):
    spam_trap_salt = "meeting-registration"
    spam_trap_value = "register"
    spam_trap_min_seconds = 2

    name = forms.CharField(
        label=_("Your name"), max_length=150, error_messages={"required": _("Give your name.")}
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("We send a link to confirm your registration."),
        error_messages={
            "required": _("Give your e-mail address."),
            "invalid": _("Write an e-mail address such as name@example.se."),
        },
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        error_messages={"required": _("Give your organisation.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    @property
    def retention_days(self) -> int:
        return settings.EVENT_VISITOR_RETENTION_DAYS


class FilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    focus_area = forms.ChoiceField(label=_("Focus area"), required=False)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Kind.choices]
        self.fields["focus_area"].choices = [("", _("All focus areas"))] + [
            (area.code, area.name) for area in areas
        ]


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        from django.utils import timezone
        from django.utils.formats import date_format

        return f"{obj} ({date_format(timezone.localtime(obj.starts_at), 'j M Y')})"


def origin_field() -> forms.Field:
    """The recording form's "which meeting", offered to initiatives (see initiatives.origins)."""
    from meetmalmo.events.selectors import recent_for_origin

    return MeetingChoiceField(
        label=_("The meeting it came from"),
        queryset=recent_for_origin(),
        required=False,
        empty_label=_("No meeting, or not in the list"),
        help_text=_("Only with the channel “Meeting”: the forum's meetings of the last year."),
    )
