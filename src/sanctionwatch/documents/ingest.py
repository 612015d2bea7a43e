"""Reading documents: plain text, HTML (trafilatura), PDF (pypdf), a URL (httpx), a folder.

Every problem is an :class:`InputError` naming the input and what is wrong with it
(empty, binary, too large, not English, a PDF without a text layer, a URL that times
out); nothing is returned half-read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from sanctionwatch.documents.header import split_header
from sanctionwatch.documents.meta import english_share
from sanctionwatch.errors import InputError

__all__ = [
    "MAX_BYTES",
    "RawDocument",
    "check_text",
    "read_bytes",
    "read_path",
    "read_source",
    "read_url",
]

MAX_BYTES = 20 * 1024 * 1024
MIN_ENGLISH = 0.12
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf"}


@dataclass(slots=True)
class RawDocument:
    text: str
    origin: str  # path or URL
    title: str | None = None
    url: str | None = None
    metadata_date: date | None = None
    outlet: str | None = None
    date_hint: str | None = None  # from a header: "2019-02-05", "2018-08" or "2017"
    date_inferred: bool = False  # the header says its date was inferred


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def check_text(text: str, origin: str) -> str:
    """The text, or a clear error when it is empty or not English."""
    if not text.strip():
        raise InputError(f"{origin}: the document is empty (no text)")
    if "\x00" in text:
        raise InputError(f"{origin}: binary content, not text")
    share = english_share(text)
    if share < MIN_ENGLISH:
        raise InputError(
            f"{origin}: the text does not look like English (common English words make up "
            f"{share:.0%} of it); only English documents can be analysed"
        )
    return text


def read_bytes(
    data: bytes, origin: str, *, content_type: str | None = None, url: str | None = None
) -> RawDocument:
    if not data or not data.strip():
        raise InputError(f"{origin}: the document is empty (0 bytes of text)")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{origin}: document too large ({_size(len(data))}; the limit is {_size(MAX_BYTES)})"
        )
    kind = _kind(data, origin, content_type)
    if kind == "pdf":
        return _read_pdf(data, origin, url)
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary file, not text, HTML or PDF")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{origin}: not valid UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from exc
    if kind == "html":
        return _read_html(text, origin, url)
    text = text.replace("\r\n", "\n")
    header = split_header(text)
    if header is None:
        return RawDocument(check_text(text, origin), origin, url=url)
    return RawDocument(
        check_text(text[header.body_start :], origin),
        origin,
        title=header.get("title", "headline"),
        url=url or header.get("url", "link", "source_url"),
        outlet=header.get("outlet", "publisher", "site"),
        date_hint=header.date,
        date_inferred=header.date_inferred,
    )


def _kind(data: bytes, origin: str, content_type: str | None) -> str:
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-") or (content_type or "").startswith("application/pdf"):
        return "pdf"
    if "html" in (content_type or "") or origin.lower().endswith((".html", ".htm", ".xhtml")):
        return "html"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _read_html(html: str, origin: str, url: str | None) -> RawDocument:
    import trafilatura

    found: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False
    )
    doc: dict[str, Any] | None = found.as_dict() if hasattr(found, "as_dict") else found
    if not doc or not (doc.get("text") or "").strip():
        raise InputError(f"{origin}: no article text found in the HTML page")
    published = None
    raw_date = doc.get("date")
    if raw_date and re.match(r"\d{4}-\d{2}-\d{2}$", str(raw_date)):
        published = date.fromisoformat(str(raw_date))
    return RawDocument(
        check_text(str(doc["text"]), origin),
        origin,
        title=doc.get("title"),
        url=url or doc.get("url"),
        metadata_date=published,
        outlet=doc.get("sitename"),
    )


def _read_pdf(data: bytes, origin: str, url: str | None) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{origin}: the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except PdfReadError as exc:
        raise InputError(f"{origin}: unreadable PDF ({exc})") from exc
    text = "\n".join(p.strip() for p in pages).strip()
    if not text:
        raise InputError(
            f"{origin}: the PDF has no text layer ({len(pages)} page(s) of images?); "
            "run OCR on it first"
        )
    title = None
    published = None
    if info is not None:
        title = info.title
        created = getattr(info, "creation_date", None)
        if created is not None:
            published = created.date()
    return RawDocument(
        check_text(text, origin), origin, title=title, url=url, metadata_date=published
    )


def read_path(path: Path) -> RawDocument:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: document too large ({_size(size)}; the limit is {_size(MAX_BYTES)})"
        )
    return read_bytes(path.read_bytes(), str(path))


def read_url(url: str, *, timeout: float = 30.0, client: httpx.Client | None = None) -> RawDocument:
    own = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=timeout)
    try:
        with http.stream("GET", url, timeout=timeout) as resp:
            if resp.status_code >= 400:
                raise InputError(f"{url}: the server answered HTTP {resp.status_code}")
            chunks = []
            total = 0
            for chunk in resp.iter_bytes():
                total += len(chunk)
                if total > MAX_BYTES:
                    raise InputError(f"{url}: document too large (over {_size(MAX_BYTES)})")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    except httpx.TimeoutException as exc:
        raise InputError(f"{url}: timed out after {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
    finally:
        if own:
            http.close()
    return read_bytes(b"".join(chunks), url, content_type=ctype, url=url)


def read_source(source: str, *, timeout: float = 30.0) -> list[RawDocument]:
    """A file, a folder (its text, HTML and PDF files, sorted) or an http(s) URL."""
    if re.match(r"https?://", source, re.IGNORECASE):
        return [read_url(source, timeout=timeout)]
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(f"{path}: no .txt, .html or .pdf files in this folder")
        return [read_path(p) for p in files]
    return [read_path(path)]
