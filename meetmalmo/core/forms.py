"""What the public forms share: the spam trap of the forms anyone may send without signing in
(news comments, accessibility reports)."""

import re
import secrets
import time
from datetime import timedelta

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

PERSON, TOO_FAST, STALE, TAMPERED, FORGED = "person", "too fast", "stale", "tampered", "forged"
USED = "used"
NONCE = re.compile(r"[-\w]{16,64}")
BASE62 = re.compile(r"[0-9A-Za-z]+")
SIGNATURE = re.compile(r"[-\w]+")


class _Start(signing.TimestampSigner):
    """Signs the time the form was opened, or a time `seconds_ago` before now."""

    def __init__(self, *, salt: str, seconds_ago: int = 0):
        super().__init__(salt=salt)
        self.seconds_ago = seconds_ago

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - self.seconds_ago)


class SpamTrapMixin(forms.Form):
    """A field people do not see (software that fills every field gives itself away) and the
    signed time the form was opened (nobody writes in a couple of seconds). Neither field is
    validated as such: whatever software puts in them (nothing, a forgery, a NUL) makes the
    message spam, which `is_spam` says and the service keeps apart without telling the sender.

    A person is never taken for software. A start whose signature is well formed but does not
    verify is what a person's browser sends when the form came from a server with another key
    or before the key changed; it is shown again with a message and a fresh start. So is a start
    older than `spam_trap_max_age`, on a form that has one."""

    spam_trap_salt: str  # one per form: a start signed for one form is no start for another
    spam_trap_value: str
    spam_trap_min_seconds = 3
    # None: a form left open for days is still a person's.
    spam_trap_max_age: timedelta | None = None
    spam_trap_stale_message = _(
        "The form was open too long. Check what you wrote and send it again."
    )
    # A form whose sending mails someone: each start sends once (`use_start`), so a start taken
    # from one page cannot be sent again and again; needs `spam_trap_max_age`, as long as a
    # used start is remembered.
    spam_trap_single_use = False
    spam_trap_used_message = _(
        "This form has already been sent once. Check what you wrote and send it again."
    )

    website = forms.Field(required=False, label=_("Leave this field empty"))
    started = forms.Field(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["started"].initial = self._signed_start()

    def _signed_start(self, seconds_ago: int = 0) -> str:
        start = _Start(salt=self.spam_trap_salt, seconds_ago=seconds_ago)
        value = self.spam_trap_value
        if self.spam_trap_single_use:
            value = f"{value}.{secrets.token_urlsafe(16)}"
        return start.sign(value)

    def _is_ours(self, original: str) -> bool:
        if not self.spam_trap_single_use:
            return original == self.spam_trap_value
        value, _dot, nonce = original.partition(".")
        return value == self.spam_trap_value and NONCE.fullmatch(nonce) is not None

    def _used_key(self) -> str:
        return f"spam-trap-used:{self.spam_trap_salt}:{self._sent_start()}"

    def renew_start(self) -> None:
        """Show the form again with a new start, counting the time already spent writing."""
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = self._signed_start(
            seconds_ago=self.spam_trap_min_seconds
        )

    def use_start(self) -> bool:
        """Mark the start as sent, once: False if it was. The form is then shown with a new
        start, and a message, so a person sends again with nothing lost."""
        assert self.spam_trap_max_age is not None
        seconds = int(self.spam_trap_max_age.total_seconds()) + 60
        if cache.add(self._used_key(), 1, seconds):
            return True
        self.renew_start()
        self.add_error(None, self.spam_trap_used_message)
        return False

    def _sent_start(self) -> str:
        value = self.data.get(self.add_prefix("started"))
        return value if isinstance(value, str) else ""

    def _start_verdict(self) -> str:
        value = self._sent_start()
        signer = signing.TimestampSigner(salt=self.spam_trap_salt)
        try:
            if not self._is_ours(signer.unsign(value)):
                return FORGED
        except signing.BadSignature:
            return TAMPERED if self._well_formed(value, signer) else FORGED
        if self.spam_trap_max_age is not None:
            try:
                signer.unsign(value, max_age=self.spam_trap_max_age)
            except signing.SignatureExpired:
                return STALE
        try:
            signer.unsign(value, max_age=self.spam_trap_min_seconds)
        except signing.SignatureExpired:
            return PERSON  # older than the minimum: a person's pace
        return TOO_FAST

    def _well_formed(self, value: str, signer: signing.TimestampSigner) -> bool:
        """Shaped as this form's start is, with a signature of the right length: made by a
        server, not typed or made up."""
        parts = value.split(signer.sep)
        if len(parts) != 3:
            return False
        original, timestamp, signature = parts
        return (
            self._is_ours(original)
            and BASE62.fullmatch(timestamp) is not None
            and SIGNATURE.fullmatch(signature) is not None
            and len(signature) == len(signer.signature(""))
        )

    def clean(self):
        cleaned = super().clean()
        verdict = self._start_verdict()
        if verdict in (STALE, TAMPERED):
            # Shown again with what was typed and a start that counts the time already spent
            # writing, so sending again at once is no spam.
            self.renew_start()
            self.add_error(
                None,
                self.spam_trap_stale_message
                if verdict == STALE
                else _("This form could not be checked. Check what you wrote and send it again."),
            )
        if self.spam_trap_single_use and verdict == PERSON and not self._errors:
            self.use_start()
        return cleaned

    def is_spam(self) -> bool:
        """Filled the hidden field, forged the start, or sent faster than a person writes."""
        if self.data.get(self.add_prefix("website")):
            return True
        return self._start_verdict() in (TOO_FAST, FORGED)
