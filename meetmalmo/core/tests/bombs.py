"""Files made to exhaust a server: a few hundred kilobytes that unpack or decode to hundreds of
megabytes, written part by part so that making them takes little memory."""

import struct
import zipfile
import zlib
from pathlib import Path

CHUNK = 1024 * 1024


def zip_of(path: Path, parts: dict[str, bytes | int]) -> Path:
    """A ZIP file with these parts: given bytes as they are, a number as that many zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w") as part:
                zeros = b"\0" * CHUNK
                for _ in range(content // CHUNK):
                    part.write(zeros)
    return path


def directory_bomb(path: Path, entries: int) -> Path:
    """A ZIP file whose directory lists one tiny part `entries` times: listing it is what costs."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
    data = path.read_bytes()
    end = data.rindex(b"PK\x05\x06")
    start = data.rindex(b"PK\x01\x02", 0, end)
    record = data[start:end]
    directory = record * entries
    # The end record's 16-bit count wraps; Python's reader goes by the directory's size.
    end_record = struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        entries % 65536,
        entries % 65536,
        len(directory),
        start,
        0,
    )
    path.write_bytes(data[:start] + directory + end_record)
    return path


def _chunk(kind: bytes, content: bytes) -> bytes:
    crc = zlib.crc32(kind + content)
    return struct.pack(">I", len(content)) + kind + content + struct.pack(">I", crc)


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A PNG of one transparent colour, width × height pixels of four bytes each."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\0" * (1 + 4 * width)
    rows_per_chunk = max(1, CHUNK // len(row))
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header))
        done = 0
        while done < height:
            count = min(rows_per_chunk, height - done)
            packed = compressor.compress(row * count)
            if packed:
                out.write(_chunk(b"IDAT", packed))
            done += count
        out.write(_chunk(b"IDAT", compressor.flush()) + _chunk(b"IEND", b""))
    return path
