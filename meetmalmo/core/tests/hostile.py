"""Hostile input for the form fuzz tests, and the checks every form must pass with it.

What people (and the software some of them run) can put into a form: values far beyond a
field's limit, invisible and control characters, other scripts, markup and SQL, the wrong type,
several values where one is expected, unknown choices, missing fields. Whatever arrives, a form
answers with the page again and a message beside the field, saves nothing, and never sends the
markup back unescaped; or it accepts the input and saves it as typed."""

import re
from contextlib import contextmanager

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st


def fuzz(max_examples: int):
    """Settings for a fuzz test. No example database: nothing is written into the tree, and a
    failure prints the example to reproduce it."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "' OR 1=1 --",
    "'; DROP TABLE initiatives_initiative; --",
    '" OR ""="',
    "{{ request }}{% debug %}",
    "%(name)s %s {0} %d",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "../../../etc/passwd",
    "&lt;b&gt; &amp;",
]
# Markup that must never come back as markup: a page shows it escaped, or not at all.
RAW_MARKUP = ("<script>alert(", "<img src=x onerror", "<svg/onload")
SCRIPTS = [
    "مرحبا بكم في مالمو",
    "马尔默欢迎你",
    "👩🏽‍💻🇸🇪🔥",
    "e\u0301\u0302\u0303 Z\u0351\u0352\u0353",
    "Åsa Östlund-Ärlig",
    "שלום",
    "Ελληνικά",
    "ﷺ",
    "\u200b\u200d\ufeff",
]
CONTROL = ["\x00", "\x1b[31m", "\u202e", "\r\n", "\t", "\x7f", "\u2028", "\x0b\x0c", "\x85"]
NUMBERS = [
    "abc",
    "-1",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "1,5",
    "0x1F",
    "١٢",
    "１２",
    "99999999999999999999999",
    "-99999999999999999999",
    " 7 ",
    "7.5",
    "1_000",
    "2**64",
]
CHOICES = ["", "0", "-1", "999999999", "xx", "sv\x00", "' OR 1=1 --", "1.5", "[]", "None", "true"]


class Missing:
    """A field left out of the request."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()


def huge(longer_than: int = 1_000) -> st.SearchStrategy[str]:
    """A string beyond a field's limit, up to 100 000 characters."""
    return st.builds(
        lambda char, size: (char * size)[:size],
        st.sampled_from(["a", "å", "語", "🙂", "<", "'", " x"]),
        st.integers(min_value=longer_than + 1, max_value=max(longer_than + 1, 100_000)),
    )


def text(longer_than: int | None = None) -> st.SearchStrategy[str]:
    """Text of every kind a browser can send (lone surrogates cannot be encoded, so none)."""
    part = st.one_of(
        st.sampled_from(MARKUP),
        st.sampled_from(SCRIPTS),
        st.sampled_from(CONTROL),
        st.text(st.characters(codec="utf-8"), max_size=30),
    )
    return st.one_of(
        st.lists(part, min_size=1, max_size=4).map("".join),
        huge(longer_than or 1_000),
        st.sampled_from(["", "   "]),
    )


def number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        text(),
    )


def choice() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(CHOICES), text())


def as_browser_sends_file_name(name: str) -> str:
    """A file name as a browser sends it: at most 255 bytes, the most a file system allows
    (Django refuses a longer part header as a bad request), with these escaped as the HTML
    standard says."""
    name = name.encode()[:255].decode(errors="ignore")
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def changes(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy[dict]:
    """One to three fields changed: to a hostile value, to several values, or left out."""
    one = st.one_of(
        [
            st.tuples(
                st.just(name),
                st.one_of(strategy, st.just(MISSING), st.lists(strategy, min_size=2, max_size=3)),
            )
            for name, strategy in fields.items()
        ]
    )
    return st.lists(one, min_size=1, max_size=3).map(dict)


def apply(data: dict, changed: dict) -> dict:
    data = dict(data)
    for name, value in changed.items():
        if value is MISSING:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def sent(data: dict, name: str):
    """The value a form reads for a field: the last of several, as Django's QueryDict does."""
    value = data.get(name, MISSING)
    if isinstance(value, list):
        return value[-1] if value else MISSING
    return value


def typed(data: dict, name: str) -> str:
    """What a form field receives as text, with a missing field as empty."""
    value = sent(data, name)
    return "" if value is MISSING else str(value)


def must_refuse(form: forms.Form, data: dict) -> set[str]:
    """The fields (with the form's prefix) whose value the form is bound to refuse, read from
    the form's own rules: required, max_length, no NUL characters, a known choice."""
    refused = set()
    for name, field in form.fields.items():
        value = typed(data, form.add_prefix(name))
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.FileInput):
            stripped = value.strip() if field.strip else value
            if (
                "\x00" in value
                or (field.required and not stripped)
                or (field.max_length is not None and len(stripped) > field.max_length)
            ):
                refused.add(form.add_prefix(name))
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.ModelChoiceField | forms.MultipleChoiceField
        ):
            known = {str(key) for key, _label in _flat_choices(field.choices)} - {""}
            if (value or field.required) and value not in known:
                refused.add(form.add_prefix(name))
    return refused


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat_choices(label)
        else:
            yield key, label


@contextmanager
def rolled_back():
    """One example: a clean cache (rate limits count there), every write undone after, and the
    language the test started in restored (a request leaves its own active)."""
    cache.clear()
    with translation.override(translation.get_language()), transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_within_limits(instance) -> None:
    """What was saved fits the model's columns: SQLite would keep a longer value that
    PostgreSQL refuses with an error."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            assert "\x00" not in value, f"{field.name} holds a NUL character"
            if field.max_length is not None:
                assert len(value) <= field.max_length, f"{field.name} is longer than its column"


def counts(querysets) -> list[int]:
    return [queryset.count() for queryset in querysets]


ERROR_LIST = re.compile(
    r'<ul class="errors"(?: id="(?P<id>[^"]+)_error")?[^>]*>(?P<text>.*?)</ul>', re.S
)
FORM_ERRORS = re.compile(r'<div class="form-errors" role="alert"[^>]*>(?P<text>.*?)</div>', re.S)
# Django's own messages in English; on a Swedish page they must have been translated.
ENGLISH = (
    "This field is required",
    "Ensure this value",
    "Enter a valid",
    "Enter a number",
    "Enter a whole number",
    "Select a valid choice",
    "Null characters are not allowed",
    "The submitted file",
)


def field_errors(page: str) -> dict[str, str]:
    """The error lists of a page by the id of the field they belong to ("" for the formset's
    own list, "form" for the form's message at the top)."""
    found = {(m["id"] or ""): m["text"] for m in ERROR_LIST.finditer(page)}
    for match in FORM_ERRORS.finditer(page):
        found["form"] = match["text"]
    return found


def assert_nothing_unescaped(response) -> None:
    """No markup from the input comes back as markup (and the answer is no server error)."""
    event(f"answered {response.status_code}")  # shown with --hypothesis-show-statistics
    assert response.status_code < 500, response.status_code
    page = response.content.decode()
    for markup in RAW_MARKUP:
        assert markup not in page, f"{markup!r} came back unescaped"


def assert_refused(response, *, fields: set[str], lang: str, kept: dict | None = None) -> None:
    """The form again, with a message beside each field in `fields` (in the page's language)
    and what was typed in `kept` still in its field."""
    page = response.content.decode()
    assert response.status_code in (200, 400), response.status_code
    errors = field_errors(page)
    assert set(errors) - {"form"}, f"no message beside a field or formset: {errors}"
    for name in fields:
        assert f"id_{name}" in errors, f"no message beside {name}: {sorted(errors)}"
    if lang == "sv":
        shown = " ".join(errors.values())
        assert not [e for e in ENGLISH if e in shown], shown
    for name, value in (kept or {}).items():
        if isinstance(value, str) and value.strip() and name not in ("password1", "password2"):
            assert escape(value) in page, f"what was typed in {name} is lost"


def typed_text(changed: dict, form: forms.Form) -> dict:
    """The changed text fields with a single value, which the page must show again."""
    return {
        name: value
        for name, value in changed.items()
        if isinstance(value, str)
        and name in form.fields
        and isinstance(form.fields[name], forms.CharField)
        and not isinstance(form.fields[name].widget, forms.HiddenInput | forms.PasswordInput)
    }
