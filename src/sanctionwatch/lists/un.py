"""UN Security Council Consolidated List (XML, root ``CONSOLIDATED_LIST``).

Reads every layout the UN has served (compact 2018, single-quoted 2024/25, indented
2025/26): the parser relies on element names only. Reference numbers are stripped
(the 2018 file has ``"CDi.032 "``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from sanctionwatch.lists.common import clean_name, script_code
from sanctionwatch.lists.countries import country_or_text
from sanctionwatch.lists.dates import parse_birth_date, parse_date, parse_datetime, parse_partial
from sanctionwatch.lists.model import (
    Address,
    BirthDate,
    Entity,
    EntityKind,
    Identifier,
    IdentifierKind,
    ListSnapshot,
    Name,
    NameKind,
)
from sanctionwatch.lists.xmlsafe import child_text, child_texts, local_name, open_records

__all__ = ["FORMAT", "SOURCE", "find_imo_numbers", "parse_un_xml"]

FORMAT = "un-xml"
SOURCE = "un"

_QUALITY = {
    "good": NameKind.STRONG_ALIAS,
    "a.k.a.": NameKind.STRONG_ALIAS,
    "aka": NameKind.STRONG_ALIAS,
    "low": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.FORMER,
    "fka": NameKind.FORMER,
}
_IMO = re.compile(r"\bIMO\)?(?:\s+(?:company\s+)?(?:number|no\.?))?\s*:?\s*(\d{7})\b", re.I)
_ORG_WORDS = re.compile(
    r"\b(?:co|company|corp|corporation|ltd|limited|llc|inc|jv|pte|plc|gmbh|sa|shipping|"
    r"trading|group|bank|agency|bureau|committee|department|firm|enterprise|"
    r"association|organi[sz]ation|front|network|brigade|movement|army)\b\.?",
    re.I,
)
_VESSEL_WORDS = re.compile(r"\b(?:vessel|tanker|ship|cargo ship|flag(?:ged)?)\b", re.I)


def find_imo_numbers(text: str | None) -> list[str]:
    """Seven-digit IMO numbers mentioned in free text ("IMO number: 5342883")."""
    if not text:
        return []
    out: list[str] = []
    for m in _IMO.finditer(text):
        if m.group(1) not in out:
            out.append(m.group(1))
    return out


def parse_un_xml(path: Path, source: str | None = None) -> ListSnapshot:
    source = source or SOURCE
    """Open a UN consolidated list; entities stream lazily from the returned snapshot."""
    doc = open_records(
        path,
        roots={"CONSOLIDATED_LIST"},
        records={"INDIVIDUAL", "ENTITY"},
        what="a UN consolidated list",
    )
    return ListSnapshot(
        source=source,
        format=FORMAT,
        published=parse_datetime(doc.root_attrib.get("dateGenerated")),
        entities=_entities(doc.records, source),
        path=str(path),
    )


def _entities(records: Iterator[etree._Element], source: str) -> Iterator[Entity]:
    for el in records:
        entity = parse_record(el, source)
        if entity is not None:
            yield entity


def parse_record(el: etree._Element, source: str = SOURCE) -> Entity | None:
    """One ``INDIVIDUAL`` or ``ENTITY`` element -> Entity (``None`` if it has no reference)."""
    ref = child_text(el, "REFERENCE_NUMBER") or child_text(el, "DATAID")
    if ref is None:
        return None
    person = local_name(el.tag) == "INDIVIDUAL"
    remarks = child_text(el, "COMMENTS1")
    entity = Entity(
        source=source,
        ref=ref,
        kind=EntityKind.PERSON if person else EntityKind.ORGANISATION,
        names=_names(el, person),
        titles=child_texts(el, "TITLE/VALUE"),
        positions=child_texts(el, "DESIGNATION/VALUE"),
        programmes=[p for p in [child_text(el, "UN_LIST_TYPE")] if p],
        listed_on=parse_date(child_text(el, "LISTED_ON")),
        remarks=remarks,
    )
    for value in child_texts(el, "NATIONALITY/VALUE"):
        code = country_or_text(value)
        if code and code not in entity.nationalities:
            entity.nationalities.append(code)
    gender = (child_text(el, "GENDER") or "").lower()
    entity.gender = gender if gender in ("male", "female") else None
    for tag in ("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"):
        for node in el.iterfind(tag):
            address = _address(node)
            if address is not None:
                entity.addresses.append(address)
    for node in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        dob = _birth_date(node)
        if dob is not None:
            entity.birth_dates.append(dob)
    for node in el.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        place = _join(node, ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY"))
        if place:
            entity.birth_places.append(place)
    for node in el.iterfind("INDIVIDUAL_DOCUMENT"):
        ident = _document(node)
        if ident is not None and not any(
            i.kind is ident.kind and i.value == ident.value for i in entity.identifiers
        ):
            entity.identifiers.append(ident)
    for imo in find_imo_numbers(remarks):
        entity.identifiers.append(Identifier(IdentifierKind.IMO, imo, note="stated in comments"))
    if not person and _is_vessel(entity):
        entity.kind = EntityKind.VESSEL
    for key, tag in (("dataid", "DATAID"), ("versionnum", "VERSIONNUM")):
        found = child_text(el, tag)
        if found:
            entity.extra[key] = found
    updated = child_texts(el, "LAST_DAY_UPDATED/VALUE")
    if updated:
        entity.extra["last_updated"] = "; ".join(updated)
    return entity


def _is_vessel(entity: Entity) -> bool:
    """An entry is a vessel only when it has an IMO number and nothing names a company."""
    if not any(i.kind is IdentifierKind.IMO for i in entity.identifiers):
        return False
    if any(_ORG_WORDS.search(n.full) for n in entity.names):
        return False
    return bool(entity.remarks and _VESSEL_WORDS.search(entity.remarks))


def _names(el: etree._Element, person: bool) -> list[Name]:
    parts = [
        child_text(el, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    names: list[Name] = []
    full = " ".join(p for p in parts if p)
    if full:
        names.append(Name(full, NameKind.PRIMARY, script=script_code(full)))
    original = clean_name(child_text(el, "NAME_ORIGINAL_SCRIPT"))
    if original:
        names.append(Name(original, NameKind.ORIGINAL_SCRIPT, script=script_code(original)))
    for node in el.iterfind("INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"):
        alias = clean_name(child_text(node, "ALIAS_NAME"))
        if not alias:
            continue
        quality = (child_text(node, "QUALITY") or "").lower()
        kind = _QUALITY.get(quality, NameKind.STRONG_ALIAS)
        if any(n.full == alias and n.kind == kind for n in names):
            continue
        names.append(Name(alias, kind, script=script_code(alias)))
    return names


def _join(node: etree._Element, tags: tuple[str, ...]) -> str | None:
    values = [child_text(node, tag) for tag in tags]
    text = ", ".join(v for v in values if v)
    return text or None


def _address(node: etree._Element) -> Address | None:
    street = child_text(node, "STREET")
    city = child_text(node, "CITY")
    region = child_text(node, "STATE_PROVINCE")
    postal = child_text(node, "ZIP_CODE")
    country_text = child_text(node, "COUNTRY")
    note = child_text(node, "NOTE")
    if not any((street, city, region, postal, country_text)):
        return None
    full = ", ".join(v for v in (street, city, region, postal, country_text) if v)
    return Address(
        full=full,
        street=street,
        city=city,
        region=region,
        postal_code=postal,
        country=country_or_text(country_text),
        note=note,
    )


def _birth_date(node: etree._Element) -> BirthDate | None:
    kind = (child_text(node, "TYPE_OF_DATE") or "").upper()
    note = child_text(node, "NOTE")
    approximate = kind == "APPROXIMATELY" or "approx" in (note or "").lower()
    start = parse_partial(child_text(node, "DATE")) or parse_partial(child_text(node, "YEAR"))
    end = None
    if start is None:
        start = parse_partial(child_text(node, "FROM_YEAR"))
        end = parse_partial(child_text(node, "TO_YEAR"))
    text = " ".join(
        v
        for v in (
            child_text(node, "DATE"),
            child_text(node, "YEAR"),
            child_text(node, "FROM_YEAR"),
            child_text(node, "TO_YEAR"),
            note,
        )
        if v
    )
    if start is None:
        parsed = parse_birth_date(note)
        if parsed is None:
            return None
        parsed.approximate = parsed.approximate or approximate
        return parsed
    if end is not None and str(end) < str(start):
        end = None
    return BirthDate(start=start, end=end, approximate=approximate, text=text or None)


def _document(node: etree._Element) -> Identifier | None:
    number = child_text(node, "NUMBER")
    if not number:
        return None
    doc_type = child_text(node, "TYPE_OF_DOCUMENT") or ""
    lowered = doc_type.lower()
    if "pass" in lowered or "pasaporte" in lowered:
        kind = IdentifierKind.PASSPORT
    elif "identi" in lowered or "national" in lowered:
        kind = IdentifierKind.NATIONAL_ID
    else:
        kind = IdentifierKind.OTHER
    country = child_text(node, "ISSUING_COUNTRY") or child_text(node, "COUNTRY_OF_ISSUE")
    notes = [
        doc_type if kind is IdentifierKind.OTHER else None,
        child_text(node, "TYPE_OF_DOCUMENT2"),
        child_text(node, "NOTE"),
        _prefixed("issued", child_text(node, "DATE_OF_ISSUE")),
        _prefixed("issued in", child_text(node, "CITY_OF_ISSUE")),
    ]
    note = "; ".join(n for n in notes if n) or None
    return Identifier(kind, number, country=country_or_text(country), note=note)


def _prefixed(prefix: str, value: str | None) -> str | None:
    return f"{prefix} {value}" if value else None
