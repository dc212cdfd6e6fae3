"""ZIP archives looked into without trusting them. Office documents (OOXML, ODF) are ZIP files,
and a ZIP file says of itself how many parts it has and how large each one becomes: a few
hundred kilobytes can unpack to gigabytes, or hold so many parts that listing them fills the
memory. An archive is refused before it is listed when its directory is too large, and before
anything is unpacked when its parts claim absurd sizes; what is read of a part is a few bytes,
whatever the part claims."""

import struct
import zipfile
from contextlib import contextmanager

# An office document has tens of parts, a large presentation a few thousand.
MAX_ENTRIES = 10_000
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
# A document within the upload limit (10 MB) does not unpack to more than this.
MAX_DECLARED_BYTES = 512 * 1024 * 1024
# Text and XML shrink ten- to fiftyfold; deflate reaches a thousandfold only on runs of one byte.
MAX_RATIO = 200
# A part this small cannot do harm however far it is compressed.
RATIO_FROM_BYTES = 1024 * 1024
HEAD_BYTES = 4096

_END = b"PK\x05\x06"
_END_SIZE = 22
_MAX_COMMENT = 65_535
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END = b"PK\x06\x06"
_ZIP64_END_SIZE = 56


class UnsafeArchive(ValueError):
    """The archive claims more than a document can hold; nothing in it was unpacked."""


def _directory(upload) -> tuple[int, int]:
    """The number of entries and the size of the central directory, read from the archive's end
    record without listing it."""
    upload.seek(0, 2)
    size = upload.tell()
    tail_size = min(size, _END_SIZE + _MAX_COMMENT)
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise zipfile.BadZipFile("no end of central directory")
    _sig, _disk, _start_disk, _here, entries, directory_size, _offset, _comment = struct.unpack(
        "<4sHHHHIIH", tail[at : at + _END_SIZE]
    )
    # A ZIP64 record just before the end record overrides it for Python's reader, so its
    # figures count too, whatever the end record says.
    record_at = at - _ZIP64_LOCATOR_SIZE - _ZIP64_END_SIZE
    if record_at >= 0 and tail[at - _ZIP64_LOCATOR_SIZE : at].startswith(_ZIP64_LOCATOR):
        record = tail[record_at : record_at + _ZIP64_END_SIZE]
        if record.startswith(_ZIP64_END):
            *_head, entries64, _total, directory64, _offset64 = struct.unpack("<4sQ2H2L4Q", record)
            entries, directory_size = max(entries, entries64), max(directory_size, directory64)
        else:
            raise zipfile.BadZipFile("a ZIP64 locator without its record")
    return entries, directory_size


def check(upload) -> None:
    """Raise UnsafeArchive for an archive whose directory or declared sizes are absurd."""
    entries, directory_size = _directory(upload)
    if entries > MAX_ENTRIES or directory_size > MAX_DIRECTORY_BYTES:
        raise UnsafeArchive(f"{entries} entries in {directory_size} bytes of directory")


def _check_declared(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeArchive(f"{len(infos)} entries")
    if sum(info.file_size for info in infos) > MAX_DECLARED_BYTES:
        raise UnsafeArchive("declared sizes beyond any document")
    for info in infos:
        packed = max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * packed:
            raise UnsafeArchive(f"{info.filename} compressed {info.file_size // packed}:1")


@contextmanager
def opened(upload):
    """The archive, once its directory and declared sizes have been found sane; the upload is
    left at its start afterwards."""
    try:
        check(upload)
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            _check_declared(archive)
            yield archive
    finally:
        upload.seek(0)


def head(archive: zipfile.ZipFile, name: str, limit: int = HEAD_BYTES) -> bytes:
    """At most `limit` bytes of a part: only that much is unpacked, whatever the part claims."""
    with archive.open(name) as part:
        return part.read(limit)
