"""Text out of a job posting or résumé the user opens: .txt, .md or .pdf."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from engine.errors import AppError

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".pdf")
# A résumé or posting is a few pages; a bigger file is almost certainly the wrong one.
MAX_BYTES = 20 * 1024 * 1024
MAX_CHARS = 20_000  # what the interviewer model is given at most
# Spaces, tabs and control characters: PDF text extraction gives all of them between words (Qt's own PDF
# writer maps a space to \x01 with some fonts).
_SPACES = re.compile(r"[ \t\u00a0\u3000\x00-\x08\x0b-\x1f\x7f]+")


class DocumentError(AppError):
    title_key = "error.title.document"


def read_document(path: Path) -> str:
    """The document's text; blocking (call it off the event loop). Raises DocumentError with advice."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError("document.unsupported", name=path.name)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentError("document.unreadable", name=path.name, detail=error.strerror or str(error)) from error
    if size > MAX_BYTES:
        raise DocumentError("document.too_large", name=path.name, megabytes=MAX_BYTES // (1024 * 1024))
    text = _read_pdf(path) if suffix == ".pdf" else _read_text(path)
    # One space between words reads the same to a model, whatever the PDF put there.
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    if not text:
        raise DocumentError("document.empty", name=path.name)
    return text[:MAX_CHARS]


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError("document.unreadable", name=path.name, detail=error.strerror or str(error)) from error
    # UTF-8 first (with or without BOM); Korean files saved by older Windows tools are often CP949.
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError("document.encoding", name=path.name)


def _read_pdf(path: Path) -> str:
    # pypdf: pure Python, so reading a PDF needs no system library on any OS.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DocumentError("document.encrypted", name=path.name)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, OSError, ValueError, KeyError) as error:
        raise DocumentError("document.unreadable", name=path.name, detail=str(error)) from error
