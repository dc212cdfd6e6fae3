"""Attachments made to exhaust the server (issue: a 500 KB ODF file took a worker to 1.1 GB):
each bomb is checked in a process of its own, as a worker would check it, and the memory the
check adds must stay under MEMORY_BOUND_MB while the file is refused with its reason. Before
the archive checks, the ODF bomb took 200 MB and the directory bomb 82 MB; the OOXML bomb took
little (its parts were not read) but was kept as a Word document."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetmalmo.core.tests import bombs
from meetmalmo.core.tests.memory import peak_memory
from meetmalmo.initiatives.models import Attachment, Initiative
from meetmalmo.initiatives.tests.test_initiative_form import good

MEMORY_BOUND_MB = 32
UNPACKED = 100 * 1024 * 1024  # what the ODF and OOXML bombs unpack to, from about 100 KB
REFUSED = "claims to unpack to far more than an office document holds"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {
        # ODF: the `mimetype` part, which the type check reads, of a hundred megabytes.
        "odf": bombs.zip_of(folder / "plan.odt", {"mimetype": UNPACKED}),
        # OOXML: a Word document whose text is a hundred megabytes of zeros.
        "ooxml": bombs.zip_of(
            folder / "plan.docx",
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": UNPACKED},
        ),
        # ZIP: within the 10 MB limit, a directory of 150 000 parts to list.
        "zip": bombs.directory_bomb(folder / "arkiv.docx", 150_000),
    }


def checked(path):
    return peak_memory(
        path,
        imports="from meetmalmo.initiatives.files import validate_attachments",
        call="validate_attachments([upload])",
    )


@pytest.mark.parametrize("kind", ["odf", "ooxml", "zip"])
def test_a_bomb_is_refused_within_the_memory_bound(files, kind, settings):
    path = files[kind]
    assert path.stat().st_size <= settings.ATTACHMENT_MAX_BYTES  # it passes the size limit
    megabytes, answer = checked(path)
    assert megabytes < MEMORY_BOUND_MB, f"{kind}: {megabytes:.0f} MB"
    assert answer.startswith("ValidationError") and path.name in answer


def test_the_member_is_told_why_beside_the_field(client, member, files):
    client.force_login(member)
    upload = SimpleUploadedFile("plan.odt", files["odf"].read_bytes())
    response = client.post("/en/initiatives/new/", {**good(), "attachments": [upload]})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"plan.odt {REFUSED}" in page
    assert 'value="Sommarjobb i besöksnäringen"' in page  # what was typed is kept
    assert not Initiative.objects.exists() and not Attachment.objects.exists()


def test_it_is_told_in_swedish_on_the_swedish_page(client, member, files):
    client.force_login(member)
    upload = SimpleUploadedFile("plan.docx", files["ooxml"].read_bytes())
    response = client.post("/sv/initiatives/new/", {**good(), "attachments": [upload]})
    assert "plan.docx påstår sig packas upp till långt mer" in response.content.decode()


def test_a_real_open_document_is_still_accepted(client, member, tmp_path):
    content = bombs.zip_of(
        tmp_path / "plan.odt",
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b"<office:document-content/>" * 200,
        },
    ).read_bytes()
    client.force_login(member)
    upload = SimpleUploadedFile("plan.odt", content)
    response = client.post("/en/initiatives/new/", {**good(), "attachments": [upload]})
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == "application/vnd.oasis.opendocument.text"
