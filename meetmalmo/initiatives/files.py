"""Attachment checks by content, not by name: a file is what its first bytes say it is."""

import re
from pathlib import PurePath

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetmalmo.core import archives

ZIP_OFFICE_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.presentation",
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The older Office formats share one container (OLE2, also that of Windows Installer packages
# and Outlook messages); what a file is shows in the stream its program keeps at the top.
OLE2_TYPES = {
    "WordDocument": "application/msword",
    "Workbook": "application/vnd.ms-excel",
    "Book": "application/vnd.ms-excel",  # Excel 5 and 95
    "PowerPoint Document": "application/vnd.ms-powerpoint",
}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/msword": ".doc",
    ZIP_OFFICE_TYPES["word/"]: ".docx",
    ZIP_OFFICE_TYPES["xl/"]: ".xlsx",
    ZIP_OFFICE_TYPES["ppt/"]: ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}


def stored_name(name: str, content_type: str) -> str:
    """The name a file is kept under: a short, safe form of the uploaded name with the
    extension of what the file is. An uploaded name can be anything a computer allows (only
    emoji or spaces, 250 characters), which storage would refuse; it is kept for display."""
    stem = re.sub(r"[^-\w]", "", PurePath(name).stem.replace(" ", "_"))[:50].strip("-_")
    return f"{stem or 'attachment'}{EXTENSIONS.get(content_type, '')}"


def sniff(upload) -> str | None:
    """The content type of an allowed document or image, or None. Raises UnsafeArchive for an
    archive that claims absurd sizes."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(OLE2):
        return _ole2(upload)
    if head.startswith(b"PK\x03\x04"):
        return _office_zip(upload)
    return None


def _ole2(upload) -> str | None:
    try:
        with olefile.OleFileIO(upload) as container:
            for stream, content_type in OLE2_TYPES.items():
                if container.get_type(stream) == olefile.STGTY_STREAM:
                    return content_type
    except Exception:  # a damaged or crafted container, whatever the reader trips on
        return None
    finally:
        upload.seek(0)
    return None


def _office_zip(upload) -> str | None:
    """What an office document's parts say it is. Only the archive's directory is read, and of
    an ODF file the few bytes of its `mimetype`: an archive that claims absurd sizes is no
    document (core/archives.py)."""
    try:
        with archives.opened(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archives.head(archive, "mimetype", 100).strip()
                return mimetype.decode() if mimetype in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for prefix, content_type in ZIP_OFFICE_TYPES.items():
                    if any(name.startswith(prefix) for name in names):
                        return content_type
    except archives.UnsafeArchive:
        raise
    except Exception:  # a damaged or crafted archive, whatever the reader trips on
        return None
    finally:
        upload.seek(0)
    return None


# Older spreadsheets and presentations are not kept (of the older formats, only Word's is); the
# message says how to send one in a format that is.
OLDER_FORMATS = {
    "application/vnd.ms-excel": gettext_lazy(
        "%(name)s is an Excel workbook in the older format (.xls). Save it as .xlsx or .ods and "
        "attach it again."
    ),
    "application/vnd.ms-powerpoint": gettext_lazy(
        "%(name)s is a PowerPoint presentation in the older format (.ppt). Save it as .pptx or "
        ".odp and attach it again."
    ),
}


def validate_attachments(uploads) -> list[tuple[object, str]]:
    """Each upload with its sniffed type; every refusal names the file and the reason."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if len(uploads) > settings.ATTACHMENT_MAX_COUNT:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": settings.ATTACHMENT_MAX_COUNT}
        )
    errors, checked = [], []
    for upload in uploads:
        if upload.size > limit:
            errors.append(
                _("%(name)s is too large (%(size)s); the limit is %(limit)s.")
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                }
            )
            continue
        try:
            content_type = sniff(upload)
        except archives.UnsafeArchive:
            errors.append(
                _(
                    "%(name)s claims to unpack to far more than an office document holds. Save "
                    "it again from the program it was made in and attach it again."
                )
                % {"name": upload.name}
            )
            continue
        if content_type in OLDER_FORMATS:
            errors.append(OLDER_FORMATS[content_type] % {"name": upload.name})
            continue
        if content_type is None:
            errors.append(
                _("%(name)s is not a PDF, an office document or an image (PNG, JPEG).")
                % {"name": upload.name}
            )
            continue
        checked.append((upload, content_type))
    if errors:
        raise ValidationError(errors)
    return checked
