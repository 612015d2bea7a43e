"""European Union lists.

* ``eu-fsf-xml``: the Financial Sanctions Files XML (namespace
  ``http://eu.europa.ec/fpi/fsd/export``, root ``export`` with ``generationDate``).
* ``eu-oj-csv``: OpenSanctions' extraction of the annexes of Council Regulation (EU)
  2017/1509 (DPRK) from the Official Journal: one row per listing, FtM-style columns,
  several values in one cell joined with ``;``. Dataset ``eu_dprk_oj``.
"""

from __future__ import annotations

import csv
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.common import clean, script_code
from sanctionwatch.lists.countries import country_or_text
from sanctionwatch.lists.dates import parse_birth_date, parse_date, parse_datetime
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
    PartialDate,
)
from sanctionwatch.lists.xmlsafe import child_texts, open_records

__all__ = ["NAMESPACE", "OJ_COLUMNS", "parse_eu_fsf_xml", "parse_eu_oj_csv"]

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
FSF_SOURCE = "eu_fsf"
OJ_SOURCE = "eu_dprk_oj"
OJ_COLUMNS = ("annex", "schema", "name")  # the columns without which a row means nothing
_SUBJECT = {"person": EntityKind.PERSON, "enterprise": EntityKind.ORGANISATION}
_ID_KINDS = {
    "passport": IdentifierKind.PASSPORT,
    "id": IdentifierKind.NATIONAL_ID,
    "ssn": IdentifierKind.NATIONAL_ID,
    "fiscalcode": IdentifierKind.TAX_ID,
    "tin": IdentifierKind.TAX_ID,
    "regnumber": IdentifierKind.REGISTRATION,
    "swiftbic": IdentifierKind.SWIFT_BIC,
    "imo": IdentifierKind.IMO,
}
_OJ_KINDS = {
    "person": EntityKind.PERSON,
    "legalentity": EntityKind.ORGANISATION,
    "organization": EntityKind.ORGANISATION,
    "company": EntityKind.ORGANISATION,
    "vessel": EntityKind.VESSEL,
    "airplane": EntityKind.AIRCRAFT,
}


def _attr(el: etree._Element, name: str) -> str | None:
    return clean(el.get(name))


def _country(el: etree._Element) -> str | None:
    code = _attr(el, "countryIso2Code")
    if code and code != "00":
        return code.lower()
    description = _attr(el, "countryDescription")
    return country_or_text(description) if description and description != "UNKNOWN" else None


# --- Financial Sanctions Files XML ---------------------------------------------------


def parse_eu_fsf_xml(path: Path, source: str | None = None) -> ListSnapshot:
    doc = open_records(
        path,
        roots={"export"},
        records={"sanctionEntity"},
        what="an EU Financial Sanctions Files export",
    )
    namespace = doc.root_nsmap.get(None)
    if namespace != NAMESPACE:
        doc.close()
        raise ListParseError(path, f"not an EU FSF export (namespace is {namespace!r})")
    dataset = source or FSF_SOURCE
    return ListSnapshot(
        source=dataset,
        format="eu-fsf-xml",
        published=parse_datetime(doc.root_attrib.get("generationDate")),
        entities=(parse_sanction_entity(el, dataset) for el in doc.records),
        path=str(path),
    )


def parse_sanction_entity(el: etree._Element, source: str = FSF_SOURCE) -> Entity:
    ref = _attr(el, "euReferenceNumber") or _attr(el, "logicalId") or ""
    subject = el.find("{*}subjectType")
    code = (_attr(subject, "code") or "") if subject is not None else ""
    entity = Entity(source=source, ref=ref, kind=_SUBJECT.get(code, EntityKind.ORGANISATION))
    for key in ("logicalId", "unitedNationId", "designationDetails"):
        value = _attr(el, key)
        if value:
            entity.extra[key] = value
    entity.listed_on = parse_date(_attr(el, "designationDate"))
    for reg in el.iterfind("{*}regulation"):
        programme = _attr(reg, "programme")
        if programme and programme not in entity.programmes:
            entity.programmes.append(programme)
    for alias in el.iterfind("{*}nameAlias"):
        _add_alias(entity, alias)
    for node in el.iterfind("{*}citizenship"):
        country = _country(node)
        if country and country not in entity.nationalities:
            entity.nationalities.append(country)
    for node in el.iterfind("{*}birthdate"):
        _add_birth(entity, node)
    for node in el.iterfind("{*}identification"):
        number = _attr(node, "number") or _attr(node, "latinNumber")
        if not number:
            continue
        kind = _ID_KINDS.get((_attr(node, "identificationTypeCode") or "").lower())
        note = _attr(node, "identificationTypeDescription")
        entity.identifiers.append(
            Identifier(kind or IdentifierKind.OTHER, number, country=_country(node), note=note)
        )
    for node in el.iterfind("{*}address"):
        parts = [_attr(node, k) for k in ("street", "poBox", "city", "zipCode", "region", "place")]
        country = _country(node)
        description = _attr(node, "countryDescription")
        if not any(parts) and not country:
            continue
        full = ", ".join(p for p in [*parts, description if country else None] if p)
        entity.addresses.append(
            Address(
                full=full or None,
                street=parts[0],
                city=parts[2],
                postal_code=parts[3],
                region=parts[4],
                country=country,
                note=parts[5],
            )
        )
    remarks = child_texts(el, "remark")
    entity.remarks = "\n".join(remarks) or None
    return entity


def _add_alias(entity: Entity, node: etree._Element) -> None:
    whole = _attr(node, "wholeName")
    first, middle, last = (_attr(node, k) for k in ("firstName", "middleName", "lastName"))
    full = whole or " ".join(p for p in (first, middle, last) if p)
    if full:
        if not entity.names:
            kind = NameKind.PRIMARY
        elif (_attr(node, "strong") or "true").lower() == "false":
            kind = NameKind.WEAK_ALIAS
        else:
            kind = NameKind.STRONG_ALIAS
        if not any(n.full == full for n in entity.names):
            script = script_code(full)
            if kind is not NameKind.PRIMARY and script not in (None, "Latn"):
                kind = NameKind.ORIGINAL_SCRIPT
            entity.names.append(
                Name(
                    full,
                    kind,
                    given=first,
                    middle=middle,
                    family=last,
                    script=script,
                    lang=_attr(node, "nameLanguage"),
                )
            )
    for attr, target in (("function", entity.positions), ("title", entity.titles)):
        value = _attr(node, attr)
        if value and value not in target:
            target.append(value)
    gender = (_attr(node, "gender") or "").upper()
    if gender in ("M", "F"):
        entity.gender = "male" if gender == "M" else "female"


def _add_birth(entity: Entity, node: etree._Element) -> None:
    circa = (_attr(node, "circa") or "").lower() == "true"
    dob: BirthDate | None = parse_birth_date(_attr(node, "birthdate"))
    if dob is None:
        year = _attr(node, "year")
        if year and year.isdigit():
            month = _attr(node, "monthOfYear")
            day = _attr(node, "dayOfMonth")
            try:
                start = PartialDate.parse(
                    "-".join(
                        p
                        for p in (
                            year,
                            month.zfill(2) if month else None,
                            day.zfill(2) if day and month else None,
                        )
                        if p
                    )
                )
            except ValueError:
                start = None
            dob = BirthDate(start=start, text=year) if start else None
    if dob is not None:
        dob.approximate = dob.approximate or circa
        entity.birth_dates.append(dob)
    place = ", ".join(
        p
        for p in (
            _attr(node, "place"),
            _attr(node, "city"),
            _attr(node, "region"),
            _attr(node, "countryDescription") if _country(node) else None,
        )
        if p
    )
    if place and place not in entity.birth_places:
        entity.birth_places.append(place)


# --- EU Official Journal DPRK annexes (FtM-style CSV) -------------------------------

_DATE_SPLIT = re.compile(r";|,|\bor\b|\b[a-z]\)\s*", re.I)
_PAREN = re.compile(r"\(([^()]+)\)")


def _values(text: str | None) -> list[str]:
    if not text:
        return []
    out: list[str] = []
    for part in text.split(";"):
        value = clean(part.strip(' "'))
        if value and value not in out:
            out.append(value.rstrip("."))
    return out


def parse_eu_oj_csv(path: Path, source: str | None = None) -> ListSnapshot:
    if path.stat().st_size == 0:
        raise ListParseError(path, "empty file")
    fh = path.open("r", encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(fh, strict=True)
        header = reader.fieldnames or []
        missing = sorted(c for c in OJ_COLUMNS if c not in header)
        if missing:
            raise ListParseError(path, "missing columns: " + ", ".join(missing))
    except BaseException:
        fh.close()
        raise
    entities = _oj_entities(path, fh, reader, source or OJ_SOURCE)
    weakref.finalize(entities, fh.close)  # closes the file if the entities are never read
    return ListSnapshot(
        source=source or OJ_SOURCE,
        format="eu-oj-csv",
        published=None,
        entities=entities,
        path=str(path),
    )


def _oj_entities(
    path: Path, fh: IO[str], reader: csv.DictReader[str], source: str
) -> Iterator[Entity]:
    try:
        for row in reader:
            if None in row:  # more cells than header columns
                raise ListParseError(path, f"line {reader.line_num}: more cells than columns")
            yield parse_oj_row(row, source, line=reader.line_num)
    except csv.Error as exc:
        from sanctionwatch.lists.ofac import csv_problem

        raise csv_problem(path, reader.line_num, exc) from exc
    finally:
        fh.close()


def parse_oj_row(row: dict[str, str], source: str = OJ_SOURCE, line: int = 0) -> Entity:
    get = lambda key: clean(row.get(key))  # noqa: E731
    annex = get("annex") or "?"
    imo = _values(get("imoNumber"))
    record = get("recordId")
    if record:
        ref = f"{annex}/{record}"
    elif imo:
        ref = f"{annex}/IMO{imo[0]}"
    else:
        ref = f"{annex}/line{line}"
    kind = _OJ_KINDS.get((get("schema") or "").lower(), EntityKind.ORGANISATION)
    entity = Entity(source=source, ref=ref, kind=kind, remarks=get("reason"))
    name = get("name") or ""
    primary = _PAREN.sub("", name).strip() if kind is EntityKind.VESSEL else name
    entity.names.append(Name(clean(primary) or name, NameKind.PRIMARY, script=script_code(name)))
    others = _PAREN.findall(name) if kind is EntityKind.VESSEL else []
    for column, name_kind in (
        ("alias", NameKind.STRONG_ALIAS),
        ("weakAlias", NameKind.WEAK_ALIAS),
        ("previousName", NameKind.FORMER),
    ):
        others_here = _values(get(column)) + (others if column == "alias" else [])
        for value in others_here:
            if not any(n.full == value for n in entity.names):
                entity.names.append(Name(value, name_kind, script=script_code(value)))
    entity.programmes = _values(get("programKey"))
    entity.listed_on = parse_date(get("startDate"))
    for text in _DATE_SPLIT.split(get("birthDate") or ""):
        dob = parse_birth_date(text)
        if dob is not None:
            entity.birth_dates.append(dob)
    entity.birth_places = _values(get("birthPlace"))
    for value in _values(get("nationality")) + _values(get("country")):
        code = country_or_text(value)
        if code and code not in entity.nationalities:
            entity.nationalities.append(code)
    entity.positions = _values(get("position"))
    gender = (get("gender") or "").lower().rstrip(".")
    entity.gender = gender if gender in ("male", "female") else None
    for column, id_kind in (
        ("passportNumber", IdentifierKind.PASSPORT),
        ("idNumber", IdentifierKind.NATIONAL_ID),
        ("imoNumber", IdentifierKind.IMO),
        ("mmsi", IdentifierKind.MMSI),
        ("swiftBic", IdentifierKind.SWIFT_BIC),
        ("registrationNumber", IdentifierKind.REGISTRATION),
        ("taxNumber", IdentifierKind.TAX_ID),
    ):
        for value in _values(get(column)):
            entity.identifiers.append(Identifier(id_kind, value))
    for value in _values(get("address")):
        parts = [p.strip() for p in value.split(",")]
        entity.addresses.append(Address(full=value, country=_country_of(parts)))
    for key in ("annex", "measure", "celex", "recordId", "flag", "notes", "phone", "email"):
        value = get(key)
        if value:
            entity.extra[key] = value
    return entity


def _country_of(parts: list[str]) -> str | None:
    from sanctionwatch.lists.countries import country_code

    for part in reversed(parts):
        code = country_code(part)
        if code:
            return code
    return None
