"""The effort import (upload and command) with hostile files: all rows or none. A refused file
changes nothing in the register or the related-work index and says what is wrong; an accepted
one saves only what fits the register."""

import csv
import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.core.tests import hostile
from meetmalmo.inventory import related
from meetmalmo.inventory.importer import COLUMNS
from meetmalmo.inventory.models import Effort, EffortImport, IndexTerm

pytestmark = pytest.mark.django_db

LIMITS = {
    name: None if name == "focus_areas" else Effort._meta.get_field(name).max_length
    for name in COLUMNS
}
VALID = {
    "title": st.sampled_from(["Sommarjobb för unga", "Hej Framtid", "Games skills, Malmö"]),
    "description": st.just("Unga möter arbetslivet i Malmö."),
    "owner_org": st.sampled_from(["Malmö stad", "Visita"]),
    "sphere": st.sampled_from(["city", "business", "industry_org"]),
    "contact_email": st.sampled_from(["", "kontakt@malmo.se"]),
    "url": st.sampled_from(["", "https://malmo.se/sommarjobb"]),
    "focus_areas": st.sampled_from(["", "youth-employment", "competence-supply;investment"]),
    "status": st.sampled_from(["active", "planned"]),
}


@st.composite
def rows(draw):
    """A good row, or one with a hostile cell (beyond its column, markup, NUL …)."""
    row = {name: draw(strategy) for name, strategy in VALID.items()}
    if draw(st.booleans()):
        name = draw(st.sampled_from(COLUMNS))
        row[name] = draw(hostile.text(longer_than=LIMITS[name] or 1_000))
    return row


@st.composite
def csv_files(draw):
    """A CSV file and the cells written into it, when it was written faithfully."""
    header = draw(
        st.one_of(
            st.just(COLUMNS),
            st.just(COLUMNS),
            st.permutations(COLUMNS),
            st.just([c.upper() for c in COLUMNS]),
            st.lists(st.sampled_from([*COLUMNS, "state", ""]), max_size=9),
        )
    )
    written = draw(st.lists(rows(), min_size=1, max_size=4, unique_by=lambda r: r["title"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    writer.writerow(header)
    for row in written:
        writer.writerow([row.get(name.lower(), "") for name in header])
    content = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16", "cp1252"]))
    data = content.encode(encoding, errors="replace")
    damage = draw(st.sampled_from(["none", "none", "truncate", "quote", "nul", "binary", "empty"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, max(len(data) - 1, 0)))]
    elif damage == "quote":
        data += b'"unclosed,quote\n'
    elif damage == "nul":
        data += b"x" * 5_000 + b"\x00\n"
    elif damage == "binary":
        data = draw(st.binary(max_size=3_000))
    elif damage == "empty":
        data = b""
    faithful = damage == "none" and encoding.startswith("utf-8")
    return data, (written if faithful else None)


def must_refuse(written) -> bool:
    """Cells that cannot be saved as they are: longer than their column, or with a NUL."""
    for row in written or []:
        for name, value in row.items():
            value = value.strip()
            if "\x00" in value or (LIMITS[name] and len(value) > LIMITS[name]):
                return True
    return False


def register():
    """Everything an import may change: the efforts, their focus areas, the index."""
    efforts = [
        tuple(getattr(effort, f.attname) for f in Effort._meta.concrete_fields)
        for effort in Effort.objects.order_by("pk")
    ]
    areas = list(Effort.focus_areas.through.objects.order_by("pk").values_list())
    index = list(IndexTerm.objects.order_by("pk").values_list())
    return efforts, areas, index


@pytest.fixture
def existing(db):
    """An effort the files may update, in the index like every effort."""
    effort = Effort.objects.create(
        title="Hej Framtid",
        description="Unga möter besöksnäringen.",
        owner_org="Visita",
        sphere="industry_org",
    )
    related.index_efforts([effort.pk])
    return effort


def check_accepted(written):
    assert not must_refuse(written), "a file with cells that cannot be saved was accepted"
    for effort in Effort.objects.all():
        hostile.assert_within_limits(effort)


@hostile.fuzz(max_examples=100)
@given(file=csv_files(), lang=st.sampled_from(["sv", "en"]), dry_run=st.booleans())
def test_an_uploaded_file_is_imported_whole_or_changes_nothing(
    client, process_manager, existing, file, lang, dry_run
):
    data, written = file
    client.force_login(process_manager)
    with hostile.rolled_back():
        before = register()
        upload = SimpleUploadedFile(hostile.as_browser_sends_file_name("efforts.csv"), data)
        form = {"file": upload, **({"dry_run": "on"} if dry_run else {})}
        response = client.post(f"/{lang}/staff/efforts/import/", form)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:
            # Stored and imported by the task worker; its page tells the result.
            result = client.get(response["Location"])
            hostile.assert_nothing_unescaped(result)
            run = EffortImport.objects.latest("pk")
            assert run.state in ("done", "failed")
            if run.state == "done":
                check_accepted(written)
            if run.state == "failed":
                assert "<caption" in result.content.decode(), "refused without a reason"
            if run.state == "failed" or dry_run:
                assert register() == before
        else:
            assert response.status_code == 200
            assert 'id="id_file_error"' in response.content.decode(), "refused without a reason"
            assert register() == before


@hostile.fuzz(max_examples=60)
@given(file=csv_files())
def test_the_import_command_imports_a_file_whole_or_changes_nothing(existing, tmp_path, file):
    data, written = file
    path = tmp_path / "efforts.csv"
    path.write_bytes(data)
    with hostile.rolled_back():
        before = register()
        try:
            call_command("import_efforts", str(path), stdout=StringIO(), stderr=(err := StringIO()))
        except CommandError as refused:
            assert "Nothing imported" in str(refused) and err.getvalue().startswith("line ")
            assert register() == before
        else:
            check_accepted(written)
