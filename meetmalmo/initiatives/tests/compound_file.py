"""Minimal files in Microsoft's compound file format (OLE2, [MS-CFB] version 3), the container of
the older Office documents and of Windows Installer packages, built as those programs lay them
out: a header, one FAT sector, the directory and the streams. Enough for a reader to list the
streams and read them back."""

import struct
import uuid

SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_STREAM_CUTOFF = 4096  # smaller streams would belong in the mini stream, which this skips
STORAGE, STREAM, ROOT = 1, 2, 5

WORD = {
    "WordDocument": b"\xec\xa5\xc1\x00",  # the FIB's magic number opens a Word document
    "1Table": b"",
    "\x05SummaryInformation": b"\xfe\xff",
}
EXCEL = {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00", "\x05SummaryInformation": b"\xfe\xff"}
POWERPOINT = {"PowerPoint Document": b"\x00\x00\xe8\x03", "Current User": b""}
# A Windows Installer package: the installer's class id on the root, and its tables as streams
# whose names are packed into CJK code points.
MSI_CLSID = uuid.UUID("000c1084-0000-0000-c000-000000000046")
MSI = {"\u4840\u3f7f\u4164\u422f\u4836": b"", "\x05SummaryInformation": b"\xfe\xff"}


def _entry(
    name: str, kind: int, start: int, size: int, child=NO_STREAM, right=NO_STREAM, clsid=None
):
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)  # colour: black
        + struct.pack("<III", NO_STREAM, right, child)
        + (clsid.bytes_le if clsid else b"\0" * 16)
        + struct.pack("<IQQ", 0, 0, 0)
        + struct.pack("<IQ", start, size)
    )


def _order(name: str):
    # Siblings are kept in the order the format compares names: shorter first, then by the
    # upper-case code points.
    return (len(name), name.upper())


def compound_file(streams: dict[str, bytes], clsid: uuid.UUID | None = None) -> bytes:
    names = sorted(streams, key=_order)
    contents = [streams[name].ljust(MINI_STREAM_CUTOFF, b"\0") for name in names]
    directory_sectors = -(-(len(names) + 1) // 4)  # four 128-byte entries a sector
    fat = [FAT_SECTOR] + [n + 2 for n in range(directory_sectors - 1)] + [END_OF_CHAIN]
    starts = []
    for content in contents:
        count = -(-len(content) // SECTOR)
        starts.append(len(fat))
        fat += [len(fat) + n + 1 for n in range(count - 1)] + [END_OF_CHAIN]
    assert len(fat) <= SECTOR // 4, "one FAT sector is enough for a minimal file"
    fat += [FREE] * (SECTOR // 4 - len(fat))

    # The directory: the root, whose child is the first stream; each stream's right sibling is
    # the next one (a tree leaning right is as valid as a balanced one).
    entries = [
        _entry("Root Entry", ROOT, END_OF_CHAIN, 0, child=1 if names else NO_STREAM, clsid=clsid)
    ]
    for n, (name, content, start) in enumerate(zip(names, contents, starts, strict=True)):
        right = n + 2 if n + 1 < len(names) else NO_STREAM
        entries.append(_entry(name, STREAM, start, len(content), right=right))
    directory = b"".join(entries).ljust(directory_sectors * SECTOR, b"\0")
    # Unused entries are empty ones, with no siblings or child.
    directory = directory.replace(b"\0" * 128, b"\0" * 68 + b"\xff" * 12 + b"\0" * 48)

    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<II", 0, 1)  # directory sectors (0 in version 3), FAT sectors
        + struct.pack("<II", 1, 0)  # first directory sector, transaction signature
        + struct.pack("<I", MINI_STREAM_CUTOFF)
        + struct.pack("<IIII", END_OF_CHAIN, 0, END_OF_CHAIN, 0)  # no mini FAT, no more DIFAT
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([FREE] * 108))
    )
    assert len(header) == SECTOR
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(contents)
