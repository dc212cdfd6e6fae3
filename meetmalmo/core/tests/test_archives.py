"""ZIP archives are looked into without trusting what they say of themselves."""

import io
import struct
import zipfile

import pytest

from meetmalmo.core import archives
from meetmalmo.core.tests import bombs


def test_a_document_opens_and_a_part_is_read_from_its_start(tmp_path):
    path = bombs.zip_of(tmp_path / "a.odt", {"mimetype": b"application/x", "content.xml": b"<a/>"})
    with path.open("rb") as upload:
        with archives.opened(upload) as archive:
            assert archives.head(archive, "mimetype", 5) == b"appli"
        assert upload.tell() == 0  # left for storage to read from the start


def test_a_part_is_read_only_as_far_as_asked_whatever_it_claims(tmp_path):
    # Read from the archive itself: opened() would refuse these 40 MB of zeros.
    path = bombs.zip_of(tmp_path / "a.zip", {"data": 40 * 1024 * 1024})
    with zipfile.ZipFile(path) as archive:
        assert archives.head(archive, "data", 10) == b"\0" * 10


def test_a_part_compressed_past_any_document_is_refused(tmp_path):
    path = bombs.zip_of(tmp_path / "a.docx", {"word/document.xml": 20 * 1024 * 1024})
    with (
        path.open("rb") as upload,
        pytest.raises(archives.UnsafeArchive, match="compressed"),
        archives.opened(upload),
    ):
        pytest.fail("opened")


def test_a_directory_of_too_many_parts_is_refused_before_it_is_listed(tmp_path):
    path = bombs.directory_bomb(tmp_path / "a.docx", archives.MAX_ENTRIES + 1)
    with path.open("rb") as upload, pytest.raises(archives.UnsafeArchive, match="entries"):
        archives.check(upload)


def test_a_zip64_record_counts_whatever_the_end_record_says(tmp_path):
    """Python's reader takes the ZIP64 record's figures over the end record's, so a small end
    record cannot hide a large directory."""
    data = bombs.zip_of(tmp_path / "a.docx", {"[Content_Types].xml": b"<Types/>"}).read_bytes()
    end = data.rindex(b"PK\x05\x06")
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 10**6, 10**6, 10**8, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    upload = io.BytesIO(data[:end] + record + locator + data[end:])
    with pytest.raises(archives.UnsafeArchive, match="1000000 entries"):
        archives.check(upload)


def test_something_that_is_no_zip_says_so():
    with pytest.raises(zipfile.BadZipFile):
        archives.check(io.BytesIO(b"PK\x03\x04 not really"))
