"""OFAC XML in the ``sdnList``/``sdnEntry`` schema (``sdn.xml`` and the non-SDN
``consolidated.xml``), in both namespaces OFAC has used
(``http://tempuri.org/sdnList.xsd`` and the sanctions list service one).

``publshInformation/Publish_Date`` (``mm/dd/yyyy``) gives ``published`` and
``Record_Count`` the ``declared_count``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from lxml import etree

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.common import clean
from sanctionwatch.lists.countries import country_or_text
from sanctionwatch.lists.dates import parse_birth_date
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
from sanctionwatch.lists.ofac_remarks import identifier_kind, parse_remarks
from sanctionwatch.lists.xmlsafe import child_text, child_texts, local_name, open_records

__all__ = ["FORMAT", "parse_ofac_xml", "parse_sdn_entry"]

FORMAT = "ofac-xml"
NAMESPACES = (
    "http://tempuri.org/sdnList.xsd",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
)
_TYPES = {
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "entity": EntityKind.ORGANISATION,
}
_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def default_source(path: Path) -> str:
    """The non-SDN consolidated list is its own dataset; the file does not say which it
    is, so the file name decides (``consolidated``/``cons``/``non_sdn``)."""
    name = path.name.lower()
    if "cons" in name or "nonsdn" in name or "non_sdn" in name:
        return "ofac_cons"
    return "ofac_sdn"


def parse_ofac_xml(path: Path, source: str | None = None) -> ListSnapshot:
    doc = open_records(
        path,
        roots={"sdnList"},
        records={"sdnEntry", "publshInformation"},
        what="an OFAC sdnList XML file",
    )
    namespace = doc.root_nsmap.get(None)
    if namespace is not None and namespace not in NAMESPACES:
        doc.close()
        raise ListParseError(path, f"unknown sdnList namespace {namespace!r}")
    records = doc.records
    published = None
    declared = None
    first = next(records, None)
    pending: list[etree._Element] = []
    if first is not None and local_name(first.tag) == "publshInformation":
        published = _mdy(child_text(first, "Publish_Date"))
        count = child_text(first, "Record_Count")
        declared = int(count) if count and count.isdigit() else None
    elif first is not None:
        pending.append(first)
    dataset = source or default_source(path)
    return ListSnapshot(
        source=dataset,
        format=FORMAT,
        published=published,
        entities=_entities(itertools.chain(pending, records), dataset),
        path=str(path),
        declared_count=declared,
    )


def _mdy(text: str | None) -> datetime | None:
    m = _MDY.match(text or "")
    if not m:
        return None
    try:
        return datetime(int(m[3]), int(m[1]), int(m[2]))
    except ValueError:
        return None


def _entities(records: Iterator[etree._Element], source: str) -> Iterator[Entity]:
    for el in records:
        if local_name(el.tag) == "sdnEntry":
            yield parse_sdn_entry(el, source)


def _person_name(node: etree._Element, kind: NameKind) -> Name | None:
    first = child_text(node, "firstName")
    last = child_text(node, "lastName")
    full = " ".join(p for p in (first, last) if p)
    if not full:
        return None
    return Name(full, kind, given=first, family=last if first else None)


def parse_sdn_entry(el: etree._Element, source: str = "ofac_sdn") -> Entity:
    ref = child_text(el, "uid") or ""
    kind = _TYPES.get((child_text(el, "sdnType") or "").lower(), EntityKind.ORGANISATION)
    remarks = child_text(el, "remarks")
    entity = Entity(source=source, ref=ref, kind=kind, remarks=remarks)
    primary = _person_name(el, NameKind.PRIMARY)
    if primary is not None:
        if kind is not EntityKind.PERSON:
            primary.given = primary.family = None
        entity.names.append(primary)
    for aka in el.iterfind("{*}akaList/{*}aka"):
        category = (child_text(aka, "category") or "").lower()
        aka_type = (child_text(aka, "type") or "").lower()
        name_kind = NameKind.WEAK_ALIAS if category == "weak" else NameKind.STRONG_ALIAS
        if aka_type.startswith("f.k.a"):
            name_kind = NameKind.FORMER
        name = _person_name(aka, name_kind)
        if name is not None and not any(n.full == name.full for n in entity.names):
            if kind is not EntityKind.PERSON:
                name.given = name.family = None
            entity.names.append(name)
    entity.programmes = child_texts(el, "programList/program")
    entity.titles = child_texts(el, "title")
    for node in el.iterfind("{*}dateOfBirthList/{*}dateOfBirthItem"):
        dob = parse_birth_date(child_text(node, "dateOfBirth"))
        if dob is not None:
            entity.birth_dates.append(dob)
    entity.birth_places = child_texts(el, "placeOfBirthList/placeOfBirthItem/placeOfBirth")
    for path in ("nationalityList/nationality", "citizenshipList/citizenship"):
        for node in el.iterfind("/".join("{*}" + p for p in path.split("/"))):
            code = country_or_text(child_text(node, "country"))
            if code and code not in entity.nationalities:
                entity.nationalities.append(code)
    for node in el.iterfind("{*}addressList/{*}address"):
        address = _address(node)
        if address is not None:
            entity.addresses.append(address)
    for node in el.iterfind("{*}idList/{*}id"):
        _add_id(entity, node)
    facts = parse_remarks(remarks)
    for alias in facts.names:
        if not any(n.full == alias.full for n in entity.names):
            entity.names.append(alias)
    vessel = el.find("{*}vesselInfo")
    if vessel is not None:
        call_sign = child_text(vessel, "callSign")
        if call_sign:
            entity.identifiers.append(Identifier(IdentifierKind.CALL_SIGN, call_sign))
        for key, tag in (
            ("vessel_type", "vesselType"),
            ("vessel_owner", "vesselOwner"),
            ("tonnage", "tonnage"),
            ("gross_registered_tonnage", "grossRegisteredTonnage"),
        ):
            value = child_text(vessel, tag)
            if value:
                entity.extra[key] = value
        flag = child_text(vessel, "vesselFlag")
        if flag:
            entity.extra["vessel_flag"] = country_or_text(flag) or flag
    return entity


def _address(node: etree._Element) -> Address | None:
    street = ", ".join(
        v for v in (child_text(node, t) for t in ("address1", "address2", "address3")) if v
    )
    city = child_text(node, "city")
    region = child_text(node, "stateOrProvince")
    postal = child_text(node, "postalCode")
    country_text = child_text(node, "country")
    parts = [street or None, city, region, postal, country_text]
    if not any(parts):
        return None
    return Address(
        full=", ".join(p for p in parts if p),
        street=street or None,
        city=city,
        region=region,
        postal_code=postal,
        country=country_or_text(country_text),
    )


_SEVEN_DIGITS = re.compile(r"\b\d{7}\b")


def _add_id(entity: Entity, node: etree._Element) -> None:
    id_type = child_text(node, "idType") or ""
    number = child_text(node, "idNumber")
    if not number:
        return
    country = country_or_text(child_text(node, "idCountry"))
    lowered = id_type.lower()
    if lowered == "gender":
        gender = number.lower()
        entity.gender = gender if gender in ("male", "female") else entity.gender
        return
    kind = identifier_kind(id_type)
    if kind is None:
        key = clean(id_type.rstrip(":- ")) or "id"
        value = f"{number} ({country})" if country else number
        previous = entity.extra.get(key)
        entity.extra[key] = f"{previous}; {value}" if previous else value
        return
    value = number
    if kind is IdentifierKind.IMO:
        m = _SEVEN_DIGITS.search(number)
        value = m.group(0) if m else number
    notes = [
        f"issued {child_text(node, 'issueDate')}" if child_text(node, "issueDate") else None,
        f"expires {child_text(node, 'expirationDate')}"
        if child_text(node, "expirationDate")
        else None,
    ]
    note = "; ".join(n for n in notes if n) or None
    if not any(i.kind is kind and i.value == value for i in entity.identifiers):
        entity.identifiers.append(Identifier(kind, value, country=country, note=note))
