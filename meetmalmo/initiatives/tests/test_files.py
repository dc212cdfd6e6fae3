"""Attachments in the older Office container (OLE2): a Word document is kept as a .doc; other
files in the same container are refused beside the field, saying what to do instead."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetmalmo.initiatives.files import sniff, stored_name
from meetmalmo.initiatives.models import Attachment, Initiative
from meetmalmo.initiatives.tests.compound_file import (
    EXCEL,
    MSI,
    MSI_CLSID,
    POWERPOINT,
    WORD,
    compound_file,
)
from meetmalmo.initiatives.tests.test_initiative_form import URL, good

pytestmark = pytest.mark.django_db

DOC = compound_file(WORD)
XLS = compound_file(EXCEL)
PPT = compound_file(POWERPOINT)
MSI_PACKAGE = compound_file(MSI, clsid=MSI_CLSID)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_a_word_document_is_recognised_by_its_stream():
    file = upload("plan.doc", DOC)
    assert sniff(file) == "application/msword"
    assert file.tell() == 0  # left for storage to read from the start
    assert stored_name("plan.doc", sniff(file)) == "plan.doc"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (XLS, "application/vnd.ms-excel"),
        (PPT, "application/vnd.ms-powerpoint"),
        (MSI_PACKAGE, None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, None),  # the signature, then rubbish
        (DOC[:1000], None),  # cut short
    ],
)
def test_other_files_in_the_container_are_not_taken_for_word(content, expected):
    file = upload("plan.doc", content)
    assert sniff(file) == expected
    assert file.tell() == 0


def test_a_member_attaches_a_word_document(client, member):
    client.force_login(member)
    response = client.post(URL, {**good(), "attachments": [upload("Plan för sommaren.doc", DOC)]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/msword"
    assert attachment.file.name.endswith("/Plan_för_sommaren.doc")
    assert attachment.file.open("rb").read() == DOC


@pytest.mark.parametrize(
    ("name", "content", "lang", "message"),
    [
        ("budget.doc", XLS, "en", "budget.doc is an Excel workbook in the older format (.xls)"),
        ("budget.xls", XLS, "sv", "budget.xls är en Excel-arbetsbok i det äldre formatet (.xls)"),
        ("bilder.ppt", PPT, "en", "bilder.ppt is a PowerPoint presentation in the older format"),
        ("bilder.ppt", PPT, "sv", "bilder.ppt är en PowerPoint-presentation i det äldre formatet"),
        ("setup.doc", MSI_PACKAGE, "en", "setup.doc is not a PDF, an office document or an image"),
        ("setup.msi", MSI_PACKAGE, "sv", "setup.msi är inte en PDF, ett Office-dokument"),
    ],
)
def test_other_files_in_the_container_are_refused_beside_the_field(
    client, member, name, content, lang, message
):
    client.force_login(member)
    response = client.post(
        f"/{lang}/initiatives/new/", {**good(), "attachments": [upload(name, content)]}
    )
    page = response.content.decode()
    assert response.status_code == 200  # the form again, as for every refusal on this page
    error = page.split('id="id_attachments_error"', 1)[1].split("</ul>", 1)[0]
    assert message in error
    assert 'value="Sommarjobb i besöksnäringen"' in page
    assert not Initiative.objects.exists() and not Attachment.objects.exists()
