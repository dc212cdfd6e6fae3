from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetmalmo.accounts.models import Organisation
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.inventory.models import Effort

pytestmark = pytest.mark.django_db

HEADER = "title,description,owner_org,sphere,contact_email,url,focus_areas,status\n"
GOOD = (
    HEADER + "Sommarjobb för unga,Staden erbjuder unga sommarjobb i förvaltningarna.,"
    "Malmö stad,city,sommarjobb@malmo.se,https://malmo.se/sommarjobb,youth-employment,active\n"
    + '"Games skills, Malmö",Training for the games industry and its studios.,'
    "Game Habitat,industry_org,,,competence-supply;industry-development,planned\n"
)


def run(tmp_path: Path, content: str | bytes, *args):
    path = tmp_path / "efforts.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    out, err = StringIO(), StringIO()
    call_command("import_efforts", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_file_is_imported_with_focus_areas_and_language(tmp_path):
    Organisation.objects.create(name="Malmö stad", sphere="city")
    out, _ = run(tmp_path, GOOD)
    assert "2 created, 0 updated" in out
    summer = Effort.objects.get(title="Sommarjobb för unga")
    assert summer.internal and summer.organisation.name == "Malmö stad"
    assert summer.language == "sv"
    games = Effort.objects.get(title="Games skills, Malmö")
    assert not games.internal and games.organisation is None and games.language == "en"
    assert sorted(games.focus_areas.values_list("code", flat=True)) == [
        "competence-supply",
        "industry-development",
    ]


def test_importing_the_same_file_twice_updates_instead_of_duplicating(tmp_path):
    run(tmp_path, GOOD)
    changed = GOOD.replace("active\n", "completed\n").replace(
        "Sommarjobb för unga", "SOMMARJOBB FÖR UNGA"
    )
    out, _ = run(tmp_path, changed)
    assert "0 created, 2 updated" in out
    assert Effort.objects.count() == 2
    assert Effort.objects.get(title__iexact="sommarjobb för unga").status == "completed"


def test_bad_rows_on_lines_3_to_6_are_each_named_and_nothing_is_saved(tmp_path):
    bad = (
        GOOD.splitlines(keepends=True)[1]
        + ",Ingen titel,Malmö stad,city,,,,active\n"
        + "Fel sfär,Beskrivning,Någon,mafia,,,,active\n"
        + "Fel länk,Beskrivning,Någon,business,inte-en-adress,javascript:alert(1),,active\n"
        + "Okänt område,Beskrivning,Någon,business,,,rymdfart,sleeping\n"
    )
    with pytest.raises(CommandError, match="Nothing imported: 4 bad line"):
        run(tmp_path, HEADER + bad)
    assert not Effort.objects.exists()
    result = import_efforts((HEADER + bad).encode())
    lines = {error.line: error.reason for error in result.errors}
    assert sorted(lines) == [3, 4, 5, 6]
    assert "title is empty" in lines[3]
    assert "sphere “mafia”" in lines[4]
    assert "not an e-mail address" in lines[5] and "http:// or https://" in lines[5]
    assert "unknown focus area(s): rymdfart" in lines[6] and "status “sleeping”" in lines[6]


def test_the_errors_are_printed_as_line_numbers(tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "import_efforts",
            str(_write(tmp_path, HEADER + "X,,Y,city,,,,active\n")),
            stdout=StringIO(),
            stderr=(err := StringIO()),
        )
    assert err.getvalue().startswith("line 2: the description is empty.")


def _write(tmp_path, text):
    path = tmp_path / "f.csv"
    path.write_text(text)
    return path


def test_excel_files_with_a_bom_and_semicolons_are_read(tmp_path):
    semicolons = GOOD.replace(",", ";").replace('"Games skills; Malmö"', '"Games skills, Malmö"')
    semicolons = semicolons.replace("competence-supply;industry-development", "competence-supply")
    out, _ = run(tmp_path, b"\xef\xbb\xbf" + semicolons.encode())
    assert "2 created" in out


def test_a_dry_run_checks_but_saves_nothing(tmp_path):
    out, _ = run(tmp_path, GOOD, "--dry-run")
    assert "2 would be created" in out and "nothing saved" in out
    assert not Effort.objects.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.7\x00\x00binary", "not a CSV text file"),
        ("title;description\nÅ;Ö\n".encode("latin-1"), "not UTF-8"),
        (HEADER.replace(",status", ""), "missing column(s): status"),
        (HEADER.replace("status", "state"), "unknown column(s): state"),
        (HEADER, "no rows"),
        (HEADER + "a,b,c\n", "expected 8 values, found 3"),
    ],
)
def test_a_wrong_file_gets_a_clear_message(tmp_path, content, reason):
    with pytest.raises(CommandError):
        run(tmp_path, content)
    result = import_efforts(content if isinstance(content, bytes) else content.encode())
    assert reason in str(result.errors[0])
    assert not Effort.objects.exists()


def test_a_repeated_row_in_the_file_is_named(tmp_path):
    row = GOOD.splitlines(keepends=True)[1]
    result = import_efforts((HEADER + row + row).encode())
    assert [e.line for e in result.errors] == [3]
    assert "same title and owner as line 2" in result.errors[0].reason


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_efforts", str(tmp_path / "nope.csv"), stdout=StringIO())


def test_a_big_good_file_is_imported_with_progress(tmp_path):
    rows = "".join(
        f"Insats {i},Beskrivning av insats {i} för unga.,Ägare {i % 40},business,,,,active\n"
        for i in range(12_000)
    )
    out, err = run(tmp_path, HEADER + rows)
    assert "12000 created" in out
    assert "checked 5000 lines" in err
    assert Effort.objects.count() == 12_000
