import re
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.forms import SpamTrapMixin
from meetmalmo.core.images import ImageField, bare_credit, require_description
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import ProjectMessage
from meetmalmo.publishing.models import (
    Comment,
    NewsArticle,
    Outcome,
    Project,
    ProjectStatus,
    Report,
)

URL = re.compile(r"https?://|www\.", re.IGNORECASE)
STARTED = "meetmalmo.publishing.comment-started"
MESSAGE_STARTED = "meetmalmo.publishing.project-message-started"


# What the editor's buttons ask for: saving as it stands, publishing at once, or at the date
# and time given.
SAVE, PUBLISH_NOW, SCHEDULE, PREVIEW = "save", "publish", "schedule", "preview"


class NewsArticleForm(forms.ModelForm):
    """The office's editor of an article. The address is made from the title when left empty
    (see `services._save_page`), the byline is the writer's name unless changed, and `action`
    is the button pressed: "schedule" needs a date and time to come."""

    date_field = "publish_at"
    publish_at = forms.DateTimeField(
        label=_("Publication date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("For “Schedule”: the article is published then. Empty when saved: a draft."),
    )

    def __init__(self, *args, action: str = SAVE, writer=None, pending_image: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        # An image kept from a preview, which the browser does not send again.
        self.pending_image = pending_image
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Part of the web address, the same in both languages. Made from the title when "
            "left empty; kept once the page is published."
        )
        self.fields["image_alt_sv"].help_text = _(
            "Needed with an image, in one language at least: what it shows, for those who "
            "cannot see it."
        )
        if not (self.instance.pk and self.instance.is_published):
            # Follows the title as it is typed (publishing/editor.js) until written by hand.
            self.fields["slug"].widget.attrs["data-from-title"] = "id_title_sv id_title_en"
        if "byline" in self.fields:
            self.fields["byline"].required = False
            self.fields["byline"].help_text = _("Your name unless you write another.")
            if writer is not None and not self.instance.pk:
                self.initial.setdefault("byline", writer.name)

    class Meta:
        model = NewsArticle
        fields = [
            "slug",
            "title_sv",
            "lead_sv",
            "body_sv",
            "title_en",
            "lead_en",
            "body_en",
            "image",
            "image_alt_sv",
            "image_alt_en",
            "photo_credit",
            "byline",
            "project",
            "event",
            "publish_at",
        ]
        field_classes = {"image": ImageField}
        widgets = {
            "lead_sv": forms.Textarea({"rows": 3, "lang": "sv"}),
            "lead_en": forms.Textarea({"rows": 3, "lang": "en"}),
            "body_sv": forms.Textarea({"rows": 12, "lang": "sv"}),
            "body_en": forms.Textarea({"rows": 12, "lang": "en"}),
            "title_sv": forms.TextInput({"lang": "sv"}),
            "title_en": forms.TextInput({"lang": "en"}),
        }

    def clean(self):
        cleaned = super().clean()
        written = [
            code
            for code in ("sv", "en")
            if cleaned.get(f"title_{code}") or cleaned.get(f"body_{code}")
        ]
        if not written:
            raise forms.ValidationError(_("Write the article in Swedish, English or both."))
        for code in written:
            for part in ("title", "body"):
                if not cleaned.get(f"{part}_{code}"):
                    self.add_error(
                        f"{part}_{code}", _("Needed when the article is written in this language.")
                    )
        require_description(self)
        image = cleaned.get("image")
        kept = self.pending_image and not image and image is not False
        if kept and not (cleaned.get("image_alt_sv") or cleaned.get("image_alt_en")):
            self.add_error("image_alt_sv", _("Describe the image for those who cannot see it."))
        if self.action == SCHEDULE:
            when = cleaned.get(self.date_field)
            if when is None and self.date_field not in self.errors:
                self.add_error(self.date_field, _("Choose the date and time to publish it."))
            elif when is not None and when <= timezone.now():
                self.add_error(
                    self.date_field,
                    _("Choose a date and time to come, or press “Publish now”."),
                )
        return cleaned

    def clean_photo_credit(self):
        return bare_credit(self.cleaned_data["photo_credit"])


class ProjectForm(NewsArticleForm):
    date_field = "published_at"
    publish_at = None
    published_at = forms.DateTimeField(
        label=_("Publication date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "For “Schedule”: the page is published then. Empty when saved: not on the public site."
        ),
    )

    class Meta(NewsArticleForm.Meta):
        model = Project
        fields = [
            name
            for name in NewsArticleForm.Meta.fields
            if name not in ("byline", "project", "event", "publish_at")
        ] + ["published_at"]


class ProjectFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + ProjectStatus.choices
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"),
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label=_("All"),
    )


class CommentForm(SpamTrapMixin, forms.ModelForm):
    spam_trap_salt = STARTED
    spam_trap_value = "comment"
    # No maximum age: a comment sends no e-mail to anyone and is read by a moderator before it
    # is shown, so one written in a tab left open overnight is simply taken, with the hidden
    # field, the pace, the hourly limit per address and the link limit still checked.

    class Meta:
        model = Comment
        fields = ["name", "email", "text", "wants_answer"]
        widgets = {
            "name": forms.TextInput({"autocomplete": "name"}),
            "email": forms.EmailInput({"autocomplete": "email"}),
            "text": forms.Textarea({"rows": 5}),
        }
        help_texts = {"email": _("Your e-mail address will not be published.")}

    @property
    def spam_trap_min_seconds(self) -> int:
        return settings.COMMENT_MIN_SECONDS

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(URL.findall(text)) > settings.COMMENT_MAX_LINKS:
            raise forms.ValidationError(
                _("At most %(count)d links in a comment.") % {"count": settings.COMMENT_MAX_LINKS}
            )
        return text


class CommentAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("The office's answer"),
        max_length=3_000,
        widget=forms.Textarea({"rows": 6}),
        help_text=_("Shown under the comment as the answer of the Trade and Industry Office."),
        error_messages={"required": _("Write the answer.")},
    )


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["summary", "lessons", "links"]
        widgets = {
            "summary": forms.Textarea({"rows": 8}),
            "lessons": forms.Textarea({"rows": 5}),
            "links": forms.Textarea({"rows": 3}),
        }

    def clean_links(self):
        from meetmalmo.accounts.validators import validate_http_url

        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for line in lines:
            try:
                URLValidator()(line)
                validate_http_url(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(line)s is not an http or https address.") % {"line": line[:80]}
                ) from None
        return "\n".join(lines)


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["label", "number", "unit"]
        widgets = {"label": forms.TextInput({"list": "outcome-labels"})}
        help_texts = {
            "label": _("Reuse a label from the suggestions where it fits, so outcomes add up.")
        }

    def clean_number(self):
        number = self.cleaned_data["number"]
        if number < 0:
            raise forms.ValidationError(_("An outcome cannot be negative."))
        return number


OutcomeFormSet = forms.inlineformset_factory(
    Report,
    Outcome,
    form=OutcomeForm,
    extra=3,
    max_num=30,
    # Without it Django builds (and the page shows) up to 1 030 rows for a request that
    # claims 100 000: seconds of work for one request.
    absolute_max=30,
    validate_max=True,
    can_delete=True,
)


class ReportDecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the group"),
        required=False,
        max_length=3_000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Needed when you send the report back."),
    )


class ProjectMessageForm(SpamTrapMixin, forms.ModelForm):
    """ "Contact the project": anyone may write; a signed-in member may also offer themselves
    as a resource for the work."""

    spam_trap_salt = MESSAGE_STARTED
    spam_trap_value = "project-message"
    # The message is e-mailed at once, so a form opened days ago is checked again.
    spam_trap_max_age = timedelta(days=2)

    class Meta:
        model = ProjectMessage
        fields = ["name", "email", "organisation", "message", "offers_help"]
        widgets = {
            "name": forms.TextInput({"autocomplete": "name"}),
            "email": forms.EmailInput({"autocomplete": "email"}),
            "organisation": forms.TextInput({"autocomplete": "organization"}),
            "message": forms.Textarea({"rows": 6}),
        }
        help_texts = {
            "email": _("The answer comes to this address. It is not published."),
        }

    def __init__(self, *args, member: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not member:
            del self.fields["offers_help"]

    @property
    def spam_trap_min_seconds(self) -> int:
        return settings.COMMENT_MIN_SECONDS

    def clean_name(self):
        name = self.cleaned_data["name"]
        if URL.search(name):
            raise forms.ValidationError(_("Write your name, without a web address."))
        return name

    def clean_message(self):
        text = self.cleaned_data["message"]
        if len(URL.findall(text)) > settings.COMMENT_MAX_LINKS:
            raise forms.ValidationError(
                _("At most %(count)d links in a message.") % {"count": settings.COMMENT_MAX_LINKS}
            )
        return text
