"""Forms for initiatives. They only parse and validate; saving is in services."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.forms import SignupDetailsForm
from meetmalmo.accounts.selectors import organisations
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives import origins, selectors
from meetmalmo.initiatives.files import validate_attachments
from meetmalmo.initiatives.models import EARLIEST_RECEIVED_ON, Channel, Initiative
from meetmalmo.initiatives.workflow import REASON, TRANSITIONS
from meetmalmo.inventory.models import Kind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        for upload in files:
            super().clean(upload, initial)
        return validate_attachments(files)


def attachments_help() -> str:
    return _(
        "PDF, office documents or images (PNG, JPEG); up to %(count)d files of at most "
        "%(size)s each."
    ) % {
        "count": settings.ATTACHMENT_MAX_COUNT,
        "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
    }


class ChooseFilesAgainMixin:
    """A browser sends no file back with a page that came back with errors, so files that
    passed their checks are not kept when another field failed: the field says so, naming
    them, rather than letting them go unnoticed."""

    def clean(self):
        cleaned = super().clean()
        accepted = cleaned.get("attachments") or []
        if accepted and self.errors:
            self.add_error(
                "attachments",
                _("The page had errors, so %(names)s was not kept: choose it again.")
                % {"names": ", ".join(upload.name for upload, _type in accepted)},
            )
        return cleaned


class MessageForm(ChooseFilesAgainMixin, forms.Form):
    """A message in the case's conversation, with files if one likes."""

    text = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5_000
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help()


class InitiativeForm(ChooseFilesAgainMixin, forms.ModelForm):
    """The member's initiative. A draft needs only a title; submitting needs everything the
    Trade and Industry Office needs to decide."""

    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose the areas the initiative concerns."),
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "description",
            "challenge",
            "benefit_city",
            "benefit_business",
            "proposed_partners",
            "focus_areas",
            "language",
            "criterion_strategic",
            "criterion_cooperation",
            "criterion_social",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "challenge": forms.Textarea(attrs={"rows": 4}),
            "benefit_city": forms.Textarea(attrs={"rows": 3}),
            "benefit_business": forms.Textarea(attrs={"rows": 3}),
            "proposed_partners": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "summary": _("Two or three sentences that say what the initiative is."),
            "proposed_partners": _(
                "Companies, City departments or organisations you want to involve."
            ),
            "criterion_strategic": _(
                "It matters strategically to both the City of Malmö and the business community."
            ),
            "criterion_cooperation": _(
                "It needs the business community and the City to work together."
            ),
            "criterion_social": _(
                "It contributes to a socially sustainable Malmö, with more growth and jobs."
            ),
        }

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help()
        if draft:
            for name, field in self.fields.items():
                field.required = name == "title"

    CRITERIA = ("criterion_strategic", "criterion_cooperation", "criterion_social")


class TextForm(forms.Form):
    """A message: an answer, a note, a reason."""

    text = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5_000
    )


class QueueFilterForm(forms.Form):
    """The staff queue's filters; every field is optional and read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"),
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label=_("All focus areas"),
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, **kwargs):
        from meetmalmo.initiatives.models import Channel
        from meetmalmo.initiatives.workflow import State

        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("All states"))] + [
            c for c in State.choices if c[0] != State.DRAFT
        ]
        self.fields["channel"].choices = [("", _("All channels"))] + list(Channel.choices)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Process manager"), queryset=None)

    def __init__(self, *args, **kwargs):
        from meetmalmo.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(
            is_process_manager=True, is_active=True
        ).order_by("name")


class BulkAssignForm(AssignForm):
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases"),
        queryset=Initiative.objects.open(),
        error_messages={"required": _("Choose at least one case.")},
    )


class DecisionForm(forms.Form):
    """One move of the workflow with what it requires; the service checks it again."""

    reason = forms.CharField(
        label=_("Message to the submitter"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    referred_to = forms.ChoiceField(
        label=_("Refer to"),
        required=False,
        help_text=_("The efforts and earlier initiatives linked in the inventory."),
    )

    def __init__(self, *args, inventory=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The service checks what the move requires; the form marks it for the person, so the
        # message is marked required under "Decline" and left optional under "Adopt".
        move = TRANSITIONS.get(self.prefix or "")
        self.reason_required = move is not None and REASON in move.requires
        if self.reason_required:
            self.fields["reason"].widget.attrs["aria-required"] = "true"
        self.fields["referred_to"].widget.attrs["aria-required"] = "true"  # shown to refer only
        self.targets = {
            f"{entry.kind}:{entry.target.pk}": entry.target
            for entry in inventory
            if not entry.dismissed
        }
        groups = {"effort": [], "initiative": []}
        for value, target in self.targets.items():
            groups[value.partition(":")[0]].append((value, target.title))
        self.fields["referred_to"].choices = [
            ("", _("Choose earlier work")),
            (_("Existing efforts"), groups["effort"]),
            (_("Earlier initiatives"), groups["initiative"]),
        ]

    def referral(self) -> dict:
        """The chosen work as the service's arguments."""
        value = self.cleaned_data.get("referred_to") or ""
        target, kind = self.targets.get(value), value.partition(":")[0]
        return {
            "referred_to": target if kind == "initiative" else None,
            "referred_to_effort": target if kind == "effort" else None,
        }


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReplyTemplateForm(forms.ModelForm):
    class Meta:
        from meetmalmo.initiatives.models import ReplyTemplate

        model = ReplyTemplate
        fields = ["kind", "name", "body_sv", "body_en"]
        widgets = {
            "body_sv": forms.Textarea(attrs={"rows": 6, "lang": "sv"}),
            "body_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
        }


class PersonForm(SignupDetailsForm):
    """Who an initiative recorded by staff came from, how and when it came in, and whether the
    process manager recording it takes the case. It speaks to the process manager about the
    person."""

    channel = forms.ChoiceField(
        label=_("Came in by"),
        choices=[c for c in Channel.choices if c[0] != Channel.PORTAL],
    )
    received_on = forms.DateField(
        label=_("Received on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "The day of the meeting, the call or the e-mail. The three weeks for the decision "
            "run from this day."
        ),
        error_messages={
            "required": _("Give the day the initiative was received."),
            "invalid": _("Write the date as year-month-day, for example 2026-03-14."),
        },
    )
    email = forms.EmailField(
        label=_("The person's e-mail"),
        help_text=_("If the person has no account, an unverified contact is created."),
        max_length=254,  # the column's size; Django's forms would allow 320
    )
    assign_to_me = forms.BooleanField(
        label=_("Assign the case to me"), required=False, initial=True
    )

    field_order = ["channel", "received_on", "email", "name"]

    organisation_missing = _(
        "Pick the person's organisation from the list above, or write its name here."
    )
    sphere_missing = _("Choose the sphere the person's organisation belongs to.")
    may_add_public_bodies = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("The person's name")
        organisation = self.fields["organisation"]
        organisation.queryset = organisations(unconfirmed=True)
        organisation.label = _("Their organisation")
        organisation.empty_label = _("Their organisation is not in the list")
        organisation.help_text = _(
            "Pick it from the list, or leave this and add their organisation below."
        )
        origins.add_fields(self)

    def origin_fields(self):
        return [self[origin.name] for origin in origins.ORIGINS]

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if received_on < EARLIEST_RECEIVED_ON:
            raise forms.ValidationError(
                _("Meet Malmö began in 2015: give a date from 1 January 2015 on.")
            )
        return received_on

    def clean_email(self):
        # Saved in lower case, which lengthens a few letters (İ), so checked once more.
        email = self.cleaned_data["email"].strip().lower()
        MaxLengthValidator(254)(email)
        return email

    def existing_person(self):
        from meetmalmo.accounts.selectors import person_by_email

        email = self.cleaned_data.get("email") or self.data.get(self.add_prefix("email"), "")
        return person_by_email(email)

    def clean(self):
        origins.check(self, _("Leave this empty unless the initiative came in this way."))
        # A person who already has an account brings their own organisation.
        if self.existing_person():
            return self.cleaned_data
        return super().clean()


class RecordInitiativeForm(InitiativeForm):
    """The initiative as a process manager records it for someone else: the same fields as the
    member's form, worded about the person it came from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_partners"].help_text = _(
            "Companies, City departments or organisations the person wants to involve."
        )
        self.fields["language"].label = _("Language the person wrote or spoke in")


class BulkReplyForm(forms.Form):
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases"),
        queryset=Initiative.objects.open().select_related("submitter"),
        error_messages={"required": _("Choose at least one case.")},
    )
    template = forms.ModelChoiceField(
        label=_("Question from a template"),
        queryset=None,
        empty_label=_("Choose a template"),
        error_messages={"required": _("Choose the template to send.")},
    )

    def __init__(self, *args, **kwargs):
        from meetmalmo.initiatives.models import ReplyTemplate

        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = ReplyTemplate.objects.filter(kind="question")


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["name_sv", "name_en", "code", "position", "active"]
        help_texts = {
            "code": _("Letters, digits and hyphens; used in CSV files, so change it with care."),
            "active": _("Only focus areas in use can be chosen for new initiatives."),
        }


class InventoryForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices)
    target = forms.IntegerField(min_value=1)
    note = forms.CharField(label=_("How it relates"), required=False, max_length=2_000)
    action = forms.ChoiceField(choices=[("add", "add"), ("dismiss", "dismiss")])


class ReassignForm(forms.Form):
    """A process manager's open cases handed to a colleague: every case is ticked at first."""

    cases = forms.ModelMultipleChoiceField(
        label=_("Cases to hand over"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one case.")},
    )
    to_user = forms.ModelChoiceField(
        label=_("Hand them over to"),
        queryset=None,
        empty_label=_("Choose a process manager"),
        error_messages={"required": _("Choose who takes the cases over.")},
    )

    def __init__(self, *args, holder, **kwargs):
        super().__init__(*args, **kwargs)
        cases = selectors.open_cases_of(holder)
        self.fields["cases"].queryset = cases
        self.fields["cases"].label_from_instance = lambda case: case.title
        self.fields["to_user"].queryset = selectors.process_managers().exclude(pk=holder.pk)
        if not self.is_bound:
            self.initial["cases"] = [case.pk for case in cases]


class EffortActionForm(forms.Form):
    """What a member does with a suggested effort, for one of their own initiatives."""

    initiative = forms.ModelChoiceField(
        label=_("Your initiative"),
        queryset=Initiative.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("Choose one of your own initiatives."),
            "required": _("Choose one of your own initiatives."),
        },
    )
    message = forms.CharField(
        label=_("Message to the office"),
        required=False,
        max_length=2_000,
        help_text=_("What you would like to ask the people behind the effort."),
        widget=forms.Textarea({"rows": 3}),
        error_messages={
            "max_length": _(
                "Write at most %(limit_value)d characters (the message has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = cases
