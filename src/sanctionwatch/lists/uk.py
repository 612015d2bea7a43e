"""UK HM Treasury OFSI Consolidated List: ``ConList.xlsx`` and the same layout as CSV.

Row 1 is ``Last Updated`` with the date, row 2 the header, then one row per name. Rows
sharing a ``Group ID`` are one designation: they are merged into one Entity. OFSI sorts
rows by name, not by group, so groups are built up as rows stream past (one Entity per
group held in memory, a few thousand at most) and handed out, in order of first
appearance, once the sheet has been read. The xlsx is read with openpyxl in read-only
mode (which streams the sheet XML and uses defusedxml when it is installed).
"""

from __future__ import annotations

import csv
import re
import weakref
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.common import clean, script_code
from sanctionwatch.lists.countries import country_or_text
from sanctionwatch.lists.dates import parse_birth_date, parse_date
from sanctionwatch.lists.model import (
    Address,
    Entity,
    EntityKind,
    Identifier,
    IdentifierKind,
    ListSnapshot,
    Name,
    NameKind,
)

__all__ = ["REQUIRED_COLUMNS", "SOURCE", "parse_uk_csv", "parse_uk_xlsx"]

SOURCE = "uk"
REQUIRED_COLUMNS = (
    "Name 6",
    "Name 1",
    "Name 2",
    "Name 3",
    "Name 4",
    "Name 5",
    "Title",
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Number",
    "Passport Details",
    "National Identification Number",
    "Position",
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Country",
    "Other Information",
    "Group Type",
    "Alias Type",
    "Regime",
    "Listed On",
    "Group ID",
)
_KINDS = {
    "individual": EntityKind.PERSON,
    "entity": EntityKind.ORGANISATION,
    "ship": EntityKind.VESSEL,
}
_LANGS = {
    "korean": "kor",
    "russian": "rus",
    "arabic": "ara",
    "persian": "fas",
    "chinese": "zho",
    "ukrainian": "ukr",
    "belarusian": "bel",
    "georgian": "kat",
    "hebrew": "heb",
    "thai": "tha",
    "greek": "ell",
    "burmese": "mya",
}
_NUMBERED = re.compile(r"\(\d{1,2}\)\s*")
_INFO_KEY = re.compile(r"\((?P<key>[A-Za-z][A-Za-z /'-]{1,40})\):")
_UN_REF = re.compile(r"\b([A-Z]{2}[ie]\.\d{3})\b")
_OLD_UN_REF = re.compile(r"^\s*UN Ref\s+([A-Z]{2}[ie]\.\d{3})")
_IMO = re.compile(r"\d{7}")
_NAME_COLUMNS = tuple(f"Name {i}" for i in range(1, 6))
_ADDRESS_COLUMNS = tuple(f"Address {i}" for i in range(1, 7))
_DATE_COLUMNS = (
    ("date_designated", "UK Sanctions List Date Designated"),
    ("last_updated", "Last Updated"),
)


def parse_uk_xlsx(path: Path, source: str | None = None) -> ListSnapshot:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ListParseError(path, _workbook_problem(exc)) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = _texts(sheet.iter_rows(values_only=True))
        return _snapshot(path, rows, source or SOURCE, "uk-xlsx", on_close=workbook.close)
    except BaseException:
        workbook.close()
        raise


def _workbook_problem(exc: BaseException) -> str:
    """Name the real cause: openpyxl wraps defusedxml's refusals in a ValueError."""
    cause: BaseException | None = exc
    while cause is not None:
        name = type(cause).__name__
        if name in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
            return "entity declarations are not allowed (in the workbook XML)"
        cause = cause.__cause__ or cause.__context__
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"damaged or truncated xlsx workbook: {first_line}"


def parse_uk_csv(path: Path, source: str | None = None) -> ListSnapshot:
    if path.stat().st_size == 0:
        raise ListParseError(path, "empty file")
    fh = path.open("r", encoding="utf-8-sig", newline="")
    reader = csv.reader(fh, strict=True)

    def rows() -> Iterator[list[str | None]]:
        try:
            for row in reader:
                yield [clean(c) for c in row]
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                problem = f"truncated: the file ends inside a quoted field (line {reader.line_num})"
            else:
                problem = f"line {reader.line_num}: malformed CSV: {exc}"
            raise ListParseError(path, problem) from exc

    try:
        return _snapshot(path, rows(), source or SOURCE, "uk-csv", on_close=fh.close)
    except BaseException:
        fh.close()
        raise


def _texts(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[str | None]]:
    """Sheet rows as cleaned text. The sheet repeats the same strings (regimes, countries,
    dates, types) on thousands of rows: each distinct string is cleaned once."""
    seen: dict[Any, str | None] = {None: None}
    for row in rows:
        yield [seen[v] if v in seen else _remember(v, seen) for v in row]


def _remember(value: Any, seen: dict[Any, str | None]) -> str | None:
    text = _cell(value)
    if type(value) is str:  # only strings: 1, 1.0 and True are equal as dict keys
        seen[value] = text
    return text


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def _snapshot(
    path: Path, rows: Iterator[list[str | None]], source: str, fmt: str, on_close: Any
) -> ListSnapshot:
    first = next(rows, None)
    if first is None or not any(first):
        raise ListParseError(path, "empty file")
    published = None
    header: list[str | None] = first
    if (first[0] or "").lower() == "last updated":
        day = parse_date(next((c for c in first[1:] if c), None))
        published = datetime(day.year, day.month, day.day) if day else None
        header = next(rows, [])
    columns = {name: i for i, name in enumerate(header) if name}
    missing = sorted(c for c in REQUIRED_COLUMNS if c not in columns)
    if missing:
        raise ListParseError(path, "missing columns: " + ", ".join(missing))
    entities = _entities(path, rows, columns, source, on_close)
    weakref.finalize(entities, on_close)  # closes the file if the entities are never read
    return ListSnapshot(
        source=source,
        format=fmt,
        published=published,
        entities=entities,
        path=str(path),
    )


def _entities(
    path: Path,
    rows: Iterable[list[str | None]],
    columns: dict[str, int],
    source: str,
    on_close: Any,
) -> Iterator[Entity]:
    groups: dict[str, Entity] = {}
    names = list(columns)
    pick = itemgetter(*columns.values())
    width = max(columns.values()) + 1
    try:
        for line, row in enumerate(rows, start=3):
            if not any(row):
                continue
            if len(row) < width:
                row = row + [None] * (width - len(row))
            record = dict(zip(names, pick(row), strict=True))
            group = record.get("Group ID")
            if not group:
                raise ListParseError(path, f"row {line}: no Group ID")
            entity = groups.get(group)
            if entity is None:
                kind = _KINDS.get((record.get("Group Type") or "").lower(), EntityKind.ORGANISATION)
                entity = groups[group] = Entity(source=source, ref=group, kind=kind)
            merge_row(entity, record)
    finally:
        on_close()
    for entity in groups.values():
        _finish(entity)
        yield entity


def _numbered(text: str | None) -> list[str]:
    """``"(1) 223611 (2) C00146605"`` -> both values; plain text -> itself."""
    if not text:
        return []
    parts = [clean(p) for p in _NUMBERED.split(text)]
    return [p for p in parts if p]


def _add_unique(items: list[Any], value: Any) -> None:
    if value and value not in items:
        items.append(value)


def merge_row(entity: Entity, r: dict[str, str | None]) -> None:
    """Fold one name row of a group into the group's entity."""
    _add_name(entity, r)
    original = r.get("Name Non-Latin Script")
    if original:
        lang = _LANGS.get((r.get("Non-Latin Script Language") or "").lower())
        name = Name(original, NameKind.ORIGINAL_SCRIPT, script=script_code(original), lang=lang)
        if not any(n.full == original for n in entity.names):
            entity.names.append(name)
    for title in _numbered(r.get("Title")):
        _add_unique(entity.titles, title)
    for position in _numbered(r.get("Position")):
        _add_unique(entity.positions, position)
    for text in _numbered(r.get("DOB")):
        dob = parse_birth_date(text)
        if dob is not None and not any(b.text == dob.text for b in entity.birth_dates):
            entity.birth_dates.append(dob)
    place = ", ".join(v for v in (r.get("Town of Birth"), r.get("Country of Birth")) if v)
    _add_unique(entity.birth_places, place)
    for nationality in _numbered(r.get("Nationality")):
        _add_unique(entity.nationalities, country_or_text(nationality))
    details = r.get("National Identification Details") or r.get("NI Details")
    _add_ids(entity, IdentifierKind.PASSPORT, r.get("Passport Number"), r.get("Passport Details"))
    _add_ids(entity, IdentifierKind.NATIONAL_ID, r.get("National Identification Number"), details)
    _add_address(entity, r)
    _add_unique(entity.programmes, r.get("Regime"))
    listed = parse_date(r.get("Listed On"))
    if listed and (entity.listed_on is None or listed < entity.listed_on):
        entity.listed_on = listed
    for key, column in _DATE_COLUMNS:
        if key not in entity.extra:
            day = parse_date(r.get(column))
            if day is not None:
                entity.extra[key] = day.isoformat()
    info = r.get("Other Information")
    if info and entity.remarks is None:
        entity.remarks = info
        _read_info(entity, info)


def _add_name(entity: Entity, r: dict[str, str | None]) -> None:
    parts = [r.get(column) for column in _NAME_COLUMNS]
    family = r.get("Name 6")
    full = " ".join(p for p in [*parts, family] if p)
    if not full:
        return
    alias_type = (r.get("Alias Type") or "").lower()
    quality = (r.get("Alias Quality") or "").lower()
    if alias_type in ("primary name", "prime alias"):
        kind = NameKind.PRIMARY
    elif alias_type == "fka":
        kind = NameKind.FORMER
    elif quality.startswith("low"):
        kind = NameKind.WEAK_ALIAS
    else:
        kind = NameKind.STRONG_ALIAS
    if kind is NameKind.PRIMARY and any(n.kind is NameKind.PRIMARY for n in entity.names):
        kind = NameKind.STRONG_ALIAS
    if any(n.full == full for n in entity.names):
        return
    name = Name(full, kind, script=script_code(full))
    if entity.kind is EntityKind.PERSON and family and any(parts):
        name.given = parts[0]
        name.middle = " ".join(p for p in parts[1:] if p) or None
        name.family = family
    entity.names.append(name)


def _add_ids(
    entity: Entity, kind: IdentifierKind, numbers: str | None, details: str | None
) -> None:
    values = _numbered(numbers)
    notes = _numbered(details)
    for i, value in enumerate(values):
        note = notes[i] if len(notes) == len(values) else details
        if not any(x.kind is kind and x.value == value for x in entity.identifiers):
            entity.identifiers.append(Identifier(kind, value, note=note))


def _add_address(entity: Entity, r: dict[str, str | None]) -> None:
    lines = [r.get(column) for column in _ADDRESS_COLUMNS]
    postal = r.get("Post/Zip Code")
    country_text = r.get("Country")
    full = ", ".join(v for v in [*lines, postal, country_text] if v)
    if not full or any(a.full == full for a in entity.addresses):
        return
    street = ", ".join(v for v in lines[:5] if v) or None
    entity.addresses.append(
        Address(
            full=full,
            street=street,
            city=lines[5],
            postal_code=postal,
            country=country_or_text(country_text),
        )
    )


def _read_info(entity: Entity, info: str) -> None:
    """``(Key):value`` pairs of Other Information -> identifiers/extra fields."""
    marks = list(_INFO_KEY.finditer(info))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(info)
        key = m["key"].strip().lower()
        value = clean(info[m.end() : end]) or ""
        if key == "un ref":
            ref = _UN_REF.search(value)
            if ref:
                entity.extra["un_ref"] = ref.group(1)
        elif key == "uk sanctions list ref":
            entity.extra["uk_sanctions_list_ref"] = value.split()[0].rstrip(".") if value else ""
        elif key == "gender":
            gender = value.split()[0].lower().rstrip(".") if value else ""
            entity.gender = gender if gender in ("male", "female") else entity.gender
        elif key == "imo number":
            digits = _IMO.search(value)
            if digits:
                entity.identifiers.append(Identifier(IdentifierKind.IMO, digits.group(0)))
        elif key == "flag of ship":
            entity.extra["vessel_flag"] = country_or_text(value) or value
        elif key in ("type of ship", "tonnage of ship", "year built", "current owners"):
            entity.extra[key.replace(" ", "_")] = value
    if "un_ref" not in entity.extra:
        old = _OLD_UN_REF.match(info)
        if old:
            entity.extra["un_ref"] = old.group(1)


def _finish(entity: Entity) -> None:
    """Primary name first; a group without one gets its first name as primary."""
    entity.names.sort(key=lambda n: n.kind is not NameKind.PRIMARY)
    if entity.names and entity.names[0].kind is not NameKind.PRIMARY:
        first = next((n for n in entity.names if n.kind is not NameKind.ORIGINAL_SCRIPT), None)
        if first is not None:
            first.kind = NameKind.PRIMARY
            entity.names.remove(first)
            entity.names.insert(0, first)
