from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.utils import translation

from meetmalmo.accounts.models import Organisation
from meetmalmo.inventory import importer
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.inventory.models import Effort, IndexTerm, StagedFocusArea, StagedUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The reasons are read in English here, as the command prints them; a request in an
    earlier test may have left Swedish active."""
    with translation.override("en"):
        yield


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


def register():
    """Everything an import may change: the efforts, their focus areas, the related-work index."""
    efforts = [
        tuple(getattr(effort, f.attname) for f in Effort._meta.concrete_fields)
        for effort in Effort.objects.order_by("pk")
    ]
    areas = list(Effort.focus_areas.through.objects.order_by("pk").values_list())
    return efforts, areas, list(IndexTerm.objects.order_by("pk").values_list())


def big_file(count: int, *, status: str = "active", focus: str = "youth-employment") -> str:
    return HEADER + "".join(
        f"Insats {i},Sommarjobb och praktik för unga nummer {i}.,Ägare {i % 40},business,"
        f",,{focus},{status}\n"
        for i in range(count)
    )


def test_a_bad_last_row_of_a_large_file_changes_nothing(tmp_path):
    run(tmp_path, big_file(2_000))
    before = register()
    assert len(before[0]) == 2_000 and before[2]
    changed = big_file(2_000, status="completed", focus="investment")  # would update every row
    changed += "Ny insats,Något nytt för staden.,Malmö stad,city,,,,active\n"  # would create one
    changed += "Sista raden,Beskrivning,Någon,business,,,,sleeping\n"
    with pytest.raises(CommandError, match="Nothing imported: 1 bad line"):
        run(tmp_path, changed)
    result = import_efforts(changed.encode())
    assert [error.line for error in result.errors] == [2_003]
    assert register() == before


def test_a_failure_in_the_last_step_leaves_the_register_as_it_was(tmp_path):
    run(tmp_path, big_file(500))
    before = register()
    changed = big_file(600, status="paused")  # updates 500, creates 100
    swap = importer._swap

    def fails_at_the_end(*args):
        swap(*args)
        raise OperationalError("disk full")

    with (
        mock.patch.object(importer, "_swap", side_effect=fails_at_the_end),
        pytest.raises(OperationalError),
    ):
        import_efforts(changed.encode())
    assert register() == before
    assert not Effort.with_pending.exclude(pending_import=None).exists()
    assert not StagedUpdate.objects.exists() and not StagedFocusArea.objects.exists()


def test_a_failure_between_batches_leaves_nothing_behind(tmp_path):
    run(tmp_path, big_file(10))
    before = register()
    through = Effort.focus_areas.through.objects
    calls = []
    bulk_create = through.bulk_create

    def fails_the_second_time(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("disk full")
        return bulk_create(*args, **kwargs)

    with (
        mock.patch.object(through, "bulk_create", side_effect=fails_the_second_time),
        pytest.raises(OperationalError),
    ):
        import_efforts(big_file(2_500).encode())  # three batches of new efforts
    assert register() == before
    assert Effort.with_pending.count() == 10


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("owner_org", "O" * 201, "owner_org is longer than 200 characters"),
        ("description", "D" * 10_001, "description is longer than 10000 characters"),
        ("contact_email", "a" * 250 + "@example.se", "contact_email is longer than 254"),
        ("url", "https://malmo.se/" + "x" * 500, "url is longer than 500 characters"),
        ("description", "Två\x00delar", "NUL character"),
    ],
)
def test_a_value_longer_than_the_register_holds_is_named_not_cut(tmp_path, column, value, reason):
    row = {
        "title": "Sommarjobb",
        "description": "Beskrivning",
        "owner_org": "Malmö stad",
        "sphere": "city",
        "contact_email": "",
        "url": "",
        "focus_areas": "",
        "status": "active",
        column: value,
    }
    # After 100 good rows, beyond the first 4 kB where a NUL marks a file as binary.
    content = big_file(100) + ",".join(row.values()) + "\n"
    with pytest.raises(CommandError):
        run(tmp_path, content)
    result = import_efforts(content.encode())
    assert [error.line for error in result.errors] == [102]
    assert reason in result.errors[0].reason
    assert not Effort.objects.exists()
