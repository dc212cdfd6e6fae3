"""The sign-in library's texts speak the portal's language (docs/language.md): in Swedish
"e-post" and "tvåstegsverifiering", never "epost", "mail" or "Vänligen"; in English sentence case
and "e-mail"; links that say where they lead; and e-mails that name Meet Malmö, not the host."""

import ast
import re
from pathlib import Path

import allauth
import pytest
from django.core import mail
from django.utils import translation

from meetmalmo.accounts.tests.test_signup import signup

pytestmark = pytest.mark.django_db

CATALOGUE = Path(allauth.__file__).parent / "locale" / "sv" / "LC_MESSAGES" / "django.po"
# The parts of allauth the portal uses: not the social, headless or identity-provider ones.
UNUSED = re.compile(r"socialaccount|headless|idp|openid", re.I)
SWEDISH_WRONG = re.compile(r"\bepost|\bEpost|(?<![-:])\bmail(?!to)|mailet|Vänligen|tvåfaktor", re.I)
ENGLISH_WRONG = re.compile(r"(?<![%({_\w.:/-])[Ee]mail(?![\w)}_])")
SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "by", "me"}


def library_texts():
    """(context, singular, plural) of every text of allauth's parts that the portal uses: an
    entry of the catalogue is left out when all the places it comes from are unused parts."""
    for block in CATALOGUE.read_text().split("\n\n"):
        where, fields, current = [], {}, None
        for line in block.splitlines():
            if line.startswith("#: "):
                where += line[3:].split()
            elif line.startswith("#~") or line.startswith("#"):
                continue
            elif line.startswith('"') and current:
                fields[current] += unquote(line)
            elif " " in line:
                current, value = line.split(" ", 1)
                fields[current] = unquote(value)
        if fields.get("msgid") and where and not all(UNUSED.search(w) for w in where):
            yield fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural")


def unquote(quoted: str) -> str:
    return ast.literal_eval(quoted)


def shown(language, context, singular, plural) -> list[str]:
    with translation.override(language):
        if plural:
            return [translation.ngettext(singular, plural, n) for n in (1, 2)]
        if context:
            return [translation.pgettext(context, singular)]
        return [translation.gettext(singular)]


def is_title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return (
        2 <= len(words) <= 8
        and not text.rstrip().endswith((".", ":"))
        and any(w[0].isupper() and not w.isupper() for w in words[1:])
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    )


TEXTS = list(library_texts())


def test_the_library_texts_are_found():
    assert len(TEXTS) > 250
    assert (None, "Remember Me", None) in TEXTS


def test_no_library_text_reads_epost_mail_or_another_term_in_swedish():
    wrong = [
        (singular, text)
        for context, singular, plural in TEXTS
        for text in shown("sv", context, singular, plural)
        if SWEDISH_WRONG.search(text)
    ]
    assert not wrong, "\n".join(f"{s!r} => {t!r}" for s, t in wrong)


def test_no_library_text_uses_title_case_or_email_in_english():
    wrong = [
        (singular, text)
        for context, singular, plural in TEXTS
        for text in shown("en", context, singular, plural)
        if is_title_case(text) or ENGLISH_WRONG.search(text)
    ]
    assert not wrong, "\n".join(f"{s!r} => {t!r}" for s, t in wrong)


def test_the_title_case_check_would_catch_the_library_as_it_comes():
    assert is_title_case("Remember Me") and is_title_case("Sign Out Other Sessions")
    assert not is_title_case("Remember me") and not is_title_case("Forgot password?")


def test_the_swedish_login_page_offers_sign_up_with_words_that_say_so(client):
    page = client.get("/sv/accounts/login/").content.decode()
    link = re.search(r'<a href="(?P<href>[^"]+)">(?P<text>[^<]+)</a>\s*först', page)
    assert link, "the sentence that leads to sign-up"
    assert link["href"].startswith("/sv/accounts/signup/")
    assert link["text"] == "skapa ett"
    assert "logga in</a>" not in page.split("först")[0].rsplit("<p", 1)[-1]
    assert "Kom ihåg mig" in page and "E-postadress" in page and "Epost" not in page


def test_the_english_login_page_is_in_sentence_case(client):
    page = client.get("/en/accounts/login/").content.decode()
    assert "Remember me" in page and "Remember Me" not in page
    assert "Sign In" not in page and "Email" not in page


def test_the_verification_email_names_the_portal_not_the_host(client):
    signup(client, lang="sv")
    message = mail.outbox[0]
    assert "Meet Malmö" in message.body
    words = re.sub(r"https?://\S+", "", message.body)  # the link leads to the host, of course
    assert "testserver" not in words and "testserver" not in message.subject
    assert "e-post" in message.body and not SWEDISH_WRONG.search(message.body + message.subject)
    link = re.search(r"https?://\S+/sv/accounts/confirm-email/\S+", message.body)
    assert link, message.body


def test_django_says_how_long_a_text_may_be_in_plain_swedish():
    with translation.override("sv"):
        text = translation.ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            200,
        ) % {"limit_value": 200, "show_value": 439}
    assert text == "Skriv högst 200 tecken (texten har nu 439)."
