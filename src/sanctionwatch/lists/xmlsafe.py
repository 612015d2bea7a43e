"""Safe, streaming XML record reader for the list files.

lxml ``iterparse`` with entity resolution, DTD loading and network access off and the
huge-tree limits on; documents that declare entities or a DTD are refused outright.
Records are yielded one at a time and cleared afterwards, so memory stays flat.
Every XML problem becomes a :class:`ListParseError` naming the file and the problem,
including problems met half way through iteration.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.common import clean

__all__ = ["XmlRecords", "child_text", "child_texts", "local_name", "open_records"]

_TRUNCATION_CODES = {
    etree.ErrorTypes.ERR_TAG_NOT_FINISHED,
    etree.ErrorTypes.ERR_GT_REQUIRED,
    etree.ErrorTypes.ERR_LTSLASH_REQUIRED,
    etree.ErrorTypes.ERR_ATTRIBUTE_NOT_FINISHED,
    etree.ErrorTypes.ERR_ATTRIBUTE_NOT_STARTED,
    etree.ErrorTypes.ERR_LITERAL_NOT_FINISHED,
}


def local_name(tag: object) -> str:
    """``{namespace}name`` -> ``name`` (comments and PIs give ``""``)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def child_text(el: etree._Element, name: str) -> str | None:
    """Cleaned text of the first child called ``name`` (any namespace)."""
    child = el.find("{*}" + name)
    if child is None:
        return None
    return clean(child.text)


def child_texts(el: etree._Element, path: str) -> list[str]:
    """Cleaned, non-empty texts of the children at ``path`` (``/``-separated local names)."""
    query = "/".join("{*}" + part for part in path.split("/"))
    out = []
    for child in el.iterfind(query):
        value = clean(child.text)
        if value:
            out.append(value)
    return out


@dataclass
class XmlRecords:
    """An open list file: its root element's name and attributes, and its records."""

    path: Path
    root_name: str
    root_attrib: dict[str, str]
    root_nsmap: dict[str | None, str]
    records: Iterator[etree._Element] = field(repr=False)
    close: Callable[[], None] = field(repr=False, default=lambda: None)


def _syntax_error(path: Path, fh: IO[bytes], exc: etree.XMLSyntaxError) -> ListParseError:
    size = path.stat().st_size
    at_end = fh.tell() >= size
    line = exc.lineno
    msg = exc.msg or str(exc)
    if "Premature end of data" in msg or (at_end and exc.code in _TRUNCATION_CODES):
        return ListParseError(path, f"truncated: XML ends unexpectedly at line {line}: {msg}")
    if exc.code in (etree.ErrorTypes.ERR_UNDECLARED_ENTITY, etree.ErrorTypes.WAR_UNDECLARED_ENTITY):
        return ListParseError(path, f"entity references are not allowed (line {line}): {msg}")
    return ListParseError(path, f"not well-formed XML at line {line}: {msg}")


def _check_doctype(path: Path, root: etree._Element) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        if any(True for _ in dtd.iterentities()):
            raise ListParseError(path, "entity declarations are not allowed")
        raise ListParseError(path, "document type declarations are not allowed")
    docinfo = root.getroottree().docinfo
    if docinfo.system_url or docinfo.public_id:
        raise ListParseError(path, "external document type declarations are not allowed")


def open_records(
    path: Path,
    *,
    roots: set[str],
    records: set[str],
    what: str,
) -> XmlRecords:
    """Open ``path``, check its root element is one of ``roots`` and stream ``records``.

    ``what`` names the expected document in errors ("a UN consolidated list"). The root
    check and DTD check happen here, eagerly; syntax errors later in the file surface
    while iterating ``.records``.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ListParseError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ListParseError(path, "empty file")
    fh = path.open("rb")
    parser = etree.iterparse(
        fh,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        try:
            _event, root = next(parser)
        except StopIteration:
            raise ListParseError(path, "empty file (no XML content)") from None
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(path, fh, exc) from exc
        _check_doctype(path, root)
        name = local_name(root.tag)
        if name not in roots:
            raise ListParseError(path, f"not {what} (root element is {name})")
    except BaseException:
        fh.close()
        raise
    stream = _iter_records(path, fh, parser, records)
    # a snapshot dropped before (or without) reading its entities still closes the file
    weakref.finalize(stream, fh.close)
    return XmlRecords(
        path=path,
        root_name=name,
        root_attrib={str(k): str(v) for k, v in root.attrib.items()},
        root_nsmap=dict(root.nsmap),
        records=stream,
        close=fh.close,
    )


def _iter_records(
    path: Path, fh: IO[bytes], parser: etree.iterparse, records: set[str]
) -> Iterator[etree._Element]:
    try:
        for event, el in parser:
            if event != "end" or local_name(el.tag) not in records:
                continue
            yield el
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(path, fh, exc) from exc
    finally:
        fh.close()
