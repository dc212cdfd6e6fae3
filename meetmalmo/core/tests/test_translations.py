import subprocess
from pathlib import Path

import pytest
from django.utils import translation

CATALOGUES = sorted(Path(__file__).resolve().parents[2].glob("*/locale/sv/LC_MESSAGES/django.po"))
# The Swedish catalogue of every app, and the English one in which accounts rewords the sign-in
# library's texts (docs/language.md).
EVERY_CATALOGUE = sorted(
    Path(__file__).resolve().parents[2].glob("*/locale/*/LC_MESSAGES/django.po")
)


@pytest.mark.parametrize("catalogue", EVERY_CATALOGUE, ids=lambda p: f"{p.parts[-5]}-{p.parts[-3]}")
def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_there_is_a_swedish_catalogue_per_app_with_strings():
    assert {p.parts[-5] for p in CATALOGUES} >= {"core", "accounts", "initiatives", "inventory"}


def test_one_string_per_locale_is_translated():
    with translation.override("sv"):
        assert translation.gettext("Bring in an initiative") == "Lämna in ett initiativ"
    with translation.override("en"):
        assert translation.gettext("Bring in an initiative") == "Bring in an initiative"
