"""The list formats sanctionwatch reads: detection by content, and one entry point.

    snapshot = parse_file(Path("consolidated.xml"))        # format sniffed
    for entity in snapshot.entities: ...

Every problem, including one met half way through ``snapshot.entities``, is raised as a
:class:`~sanctionwatch.errors.ListParseError` naming the file and the problem.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError as StdlibParseError

from lxml import etree

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.model import Entity, ListSnapshot

__all__ = ["FORMATS", "FormatInfo", "detect_format", "parse_file"]

Parser = Callable[[Path, str | None], ListSnapshot]  # (path, dataset key or None)


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    source: str  # usual dataset key for entities of this format
    description: str
    parser: Callable[[], Parser]  # imported lazily so one format's deps never block another


def _un() -> Parser:
    from sanctionwatch.lists.un import parse_un_xml

    return parse_un_xml


def _ofac_csv() -> Parser:
    from sanctionwatch.lists.ofac import parse_ofac_csv

    return parse_ofac_csv


def _ofac_xml() -> Parser:
    from sanctionwatch.lists.ofac_xml import parse_ofac_xml

    return parse_ofac_xml


def _uk_xlsx() -> Parser:
    from sanctionwatch.lists.uk import parse_uk_xlsx

    return parse_uk_xlsx


def _uk_csv() -> Parser:
    from sanctionwatch.lists.uk import parse_uk_csv

    return parse_uk_csv


def _eu_fsf() -> Parser:
    from sanctionwatch.lists.eu import parse_eu_fsf_xml

    return parse_eu_fsf_xml


def _eu_oj() -> Parser:
    from sanctionwatch.lists.eu import parse_eu_oj_csv

    return parse_eu_oj_csv


def _ftm() -> Parser:
    from sanctionwatch.lists.ftm import parse_ftm_json

    return parse_ftm_json


FORMATS: dict[str, FormatInfo] = {
    "un-xml": FormatInfo("un-xml", "un", "UN Security Council Consolidated List XML", _un),
    "ofac-csv": FormatInfo(
        "ofac-csv", "ofac_sdn", "OFAC SDN legacy CSV (sdn.csv, alt.csv, add.csv)", _ofac_csv
    ),
    "ofac-xml": FormatInfo(
        "ofac-xml", "ofac_sdn", "OFAC sdnList XML (sdn.xml, non-SDN consolidated.xml)", _ofac_xml
    ),
    "eu-fsf-xml": FormatInfo(
        "eu-fsf-xml", "eu_fsf", "EU Financial Sanctions Files XML export", _eu_fsf
    ),
    "eu-oj-csv": FormatInfo(
        "eu-oj-csv", "eu_dprk_oj", "EU Official Journal DPRK annexes (FtM-style CSV)", _eu_oj
    ),
    "uk-xlsx": FormatInfo("uk-xlsx", "uk", "UK OFSI Consolidated List (ConList.xlsx)", _uk_xlsx),
    "uk-csv": FormatInfo("uk-csv", "uk", "UK OFSI Consolidated List (ConList.csv)", _uk_csv),
    "ftm-json": FormatInfo("ftm-json", "ftm", "FollowTheMoney entities, JSON lines", _ftm),
}

# Errors a parser may let through from the libraries it uses; all become ListParseError.
_PARSE_ERRORS: tuple[type[Exception], ...] = (
    etree.XMLSyntaxError,
    csv.Error,
    UnicodeDecodeError,
    ValueError,
    KeyError,
    IndexError,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    StdlibParseError,  # openpyxl reads sheet XML with the standard library
)

_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s>/]")


def detect_format(path: Path) -> str:
    """Name of the format of ``path`` (a key of FORMATS), judged by its content."""
    path = Path(path)
    if path.is_dir():
        if (path / "sdn.csv").is_file():
            return "ofac-csv"
        raise ListParseError(path, "folder holds no recognised list file (expected sdn.csv)")
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise ListParseError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not head.strip():
        raise ListParseError(path, "empty file")
    if head.startswith(b"PK\x03\x04"):
        return _detect_zip(path)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return _detect_xml(path, text)
    if text.startswith(b"{"):
        return _detect_json(path, text)
    return _detect_csv(path, text)


def _detect_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise ListParseError(path, f"damaged zip/xlsx file: {exc}") from exc
    if "xl/workbook.xml" in names:
        return "uk-xlsx"
    raise ListParseError(path, "zip file that is not an xlsx workbook")


def _detect_xml(path: Path, text: bytes) -> str:
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", text, flags=re.S)
    if re.search(rb"<!DOCTYPE|<!ENTITY", body[:4096]):
        if b"<!ENTITY" in body:
            raise ListParseError(path, "entity declarations are not allowed")
        raise ListParseError(path, "document type declarations are not allowed")
    m = _XML_ROOT.search(body)
    root = m.group(2).decode("ascii") if m else ""
    if root == "CONSOLIDATED_LIST":
        return "un-xml"
    if root == "sdnList":
        return "ofac-xml"
    if root == "export" and b"fpi/fsd/export" in body[:4096]:
        return "eu-fsf-xml"
    raise ListParseError(path, f"unrecognised XML list (root element is {root or 'unknown'})")


def _detect_json(path: Path, text: bytes) -> str:
    first = text.split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError as exc:
        raise ListParseError(path, f"not JSON lines: {exc}") from exc
    if isinstance(obj, dict) and "schema" in obj and "id" in obj:
        return "ftm-json"
    raise ListParseError(path, "JSON that is not FollowTheMoney entities (no id/schema)")


def _detect_csv(path: Path, text: bytes) -> str:
    sample = text.decode("utf-8", errors="replace")
    try:
        rows = list(csv.reader(io.StringIO(sample)))[:3]
    except csv.Error as exc:
        raise ListParseError(path, f"unrecognised file: {exc}") from exc
    rows = [r for r in rows if r]
    if not rows:
        raise ListParseError(path, "empty file")
    first = [c.strip().lower() for c in rows[0]]
    if first and first[0] == "last updated":
        return "uk-csv"
    if "group id" in first and "name 6" in first:
        return "uk-csv"
    if "schema" in first and ("programkey" in first or "caption" in first or "name" in first):
        return "eu-oj-csv"
    if len(rows[0]) == 12 and rows[0][0].strip().isdigit():
        return "ofac-csv"
    raise ListParseError(path, "unrecognised list format")


def parse_file(path: Path, fmt: str | None = None, source: str | None = None) -> ListSnapshot:
    """Parse a list file (format sniffed unless given); entities stream lazily."""
    path = Path(path)
    if not path.exists():
        raise ListParseError(path, "file not found")
    name = fmt or detect_format(path)
    info = FORMATS.get(name)
    if info is None:
        known = ", ".join(sorted(FORMATS))
        raise ListParseError(path, f"unknown format {name!r} (known: {known})")
    try:
        snapshot = info.parser()(path, source)
    except ListParseError:
        raise
    except _PARSE_ERRORS as exc:
        raise ListParseError(path, _describe(exc)) from exc
    snapshot.entities = _guard(path, snapshot.entities)
    return snapshot


def _guard(path: Path, entities: Iterator[Entity]) -> Iterator[Entity]:
    """Turn library errors into ListParseError and keep refs unique within the file.

    A reference met a second time (hand-edited excerpts do this) gets ``#2``, ``#3``...
    appended and ``extra["duplicate_of"]`` set, so no entry is silently dropped.
    """
    seen: dict[str, int] = {}
    try:
        for entity in entities:
            count = seen.get(entity.ref, 0) + 1
            seen[entity.ref] = count
            if count > 1:
                entity.extra["duplicate_of"] = entity.ref
                entity.ref = f"{entity.ref}#{count}"
            yield entity
    except ListParseError:
        raise
    except _PARSE_ERRORS as exc:
        raise ListParseError(path, _describe(exc)) from exc


def _describe(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 text at byte {exc.start}: {exc.reason}"
    if isinstance(exc, zipfile.BadZipFile):
        return f"damaged zip/xlsx file: {exc}"
    if isinstance(exc, EOFError):
        return f"truncated: {exc}"
    if isinstance(exc, StdlibParseError):
        return f"not well-formed XML inside the file ({exc}); damaged or truncated?"
    if isinstance(exc, zlib.error):
        return f"damaged compressed data: {exc}"
    return f"{type(exc).__name__}: {exc}"
