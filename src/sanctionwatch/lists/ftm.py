"""FollowTheMoney (FtM) entities: export our entities as FtM JSON, import FtM JSON lines.

Export goes through followthemoney's model and entity proxies, so every value is
checked and cleaned by FtM's property types and the output reads in yente, Aleph and
OpenSanctions tools. Schemata: Person, Organization, Vessel, Airplane.

Import (format ``ftm-json``) streams JSON lines and keeps the entities a screening
list is about (legal entities and vehicles); relationship and helper entities
(Ownership, Address, Family...) are skipped. A first pass over the file reads the
Sanction entities, whose programme ids and listing dates are given to the entity each
sanction is about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

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

__all__ = ["entity_from_ftm", "entity_to_ftm", "ftm_id", "parse_ftm_json", "write_ftm"]

SOURCE = "ftm"
_SCHEMA = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}
_NAME_PROP = {
    NameKind.PRIMARY: "name",
    NameKind.STRONG_ALIAS: "alias",
    NameKind.ORIGINAL_SCRIPT: "alias",
    NameKind.WEAK_ALIAS: "weakAlias",
    NameKind.FORMER: "previousName",
}
_ID_PROP = {
    IdentifierKind.PASSPORT: "passportNumber",
    IdentifierKind.NATIONAL_ID: "idNumber",
    IdentifierKind.IMO: "imoNumber",
    IdentifierKind.MMSI: "mmsi",
    IdentifierKind.CALL_SIGN: "callSign",
    IdentifierKind.SWIFT_BIC: "swiftBic",
    IdentifierKind.TAX_ID: "taxNumber",
    IdentifierKind.REGISTRATION: "registrationNumber",
}
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._\-]+")


def ftm_id(entity: Entity) -> str:
    """A readable, stable FtM id: ``<dataset>-<ref>`` with unsafe characters as ``-``."""
    return _UNSAFE_ID.sub("-", f"{entity.source}-{entity.ref}").strip("-")


def _add(proxy: EntityProxy, prop: str, value: str | None) -> None:
    if value:
        proxy.add(prop, value, quiet=True)


def entity_to_ftm(entity: Entity, dataset_version: str | None = None) -> dict[str, Any]:
    """One Entity -> FtM JSON object (``id``, ``schema``, ``properties``, ``datasets``...)."""
    proxy = model.make_entity(_SCHEMA[entity.kind])
    proxy.id = ftm_id(entity)
    for name in entity.names:
        _add(proxy, _NAME_PROP[name.kind], name.full)
    primary = next((n for n in entity.names if n.kind is NameKind.PRIMARY), None)
    if primary is not None and entity.kind is EntityKind.PERSON:
        _add(proxy, "firstName", primary.given)
        _add(proxy, "middleName", primary.middle)
        _add(proxy, "lastName", primary.family)
    for dob in entity.birth_dates:
        _add(proxy, "birthDate", str(dob.start))
        if dob.end is not None:
            _add(proxy, "birthDate", str(dob.end))
    for place in entity.birth_places:
        _add(proxy, "birthPlace", place)
    nationality_prop = "nationality" if entity.kind is EntityKind.PERSON else "country"
    if entity.kind is EntityKind.VESSEL:
        nationality_prop = "flag"
    for country in entity.nationalities:
        _add(proxy, nationality_prop, country)
    if entity.kind is EntityKind.VESSEL:
        _add(proxy, "flag", entity.extra.get("vessel_flag"))
        _add(proxy, "type", entity.extra.get("vessel_type"))
        _add(proxy, "tonnage", entity.extra.get("tonnage"))
        _add(proxy, "grossRegisteredTonnage", entity.extra.get("gross_registered_tonnage"))
    for address in entity.addresses:
        _add(proxy, "address", address.full)
        _add(proxy, "country", address.country)
    for ident in entity.identifiers:
        prop = _ID_PROP.get(ident.kind)
        if prop is not None and proxy.schema.get(prop) is not None:
            _add(proxy, prop, ident.value)
        elif ident.kind is IdentifierKind.IMO:  # organisations with an IMO company number
            _add(proxy, "registrationNumber", ident.value)
        else:
            _add(proxy, "idNumber", ident.value)
    _add(proxy, "gender", entity.gender)
    for title in entity.titles:
        _add(proxy, "title", title)
    for position in entity.positions:
        _add(proxy, "position", position)
    for programme in entity.programmes:
        _add(proxy, "program", programme)
    _add(proxy, "notes", entity.remarks)
    _add(proxy, "createdAt", entity.listed_on.isoformat() if entity.listed_on else None)
    _add(proxy, "topics", "sanction")
    data: dict[str, Any] = proxy.to_dict()
    data["caption"] = proxy.caption
    data["datasets"] = [entity.source]
    data["referents"] = []
    data["target"] = True
    if dataset_version:
        data["dataset_version"] = dataset_version
    return data


def write_ftm(entities: Iterable[Entity], fh: IO[str], dataset_version: str | None = None) -> int:
    """Write FtM JSON lines; return the number of entities written."""
    count = 0
    for entity in entities:
        fh.write(json.dumps(entity_to_ftm(entity, dataset_version), ensure_ascii=False))
        fh.write("\n")
        count += 1
    return count


# --- import ---------------------------------------------------------------------------


def parse_ftm_json(path: Path, source: str | None = None) -> ListSnapshot:
    if path.stat().st_size == 0:
        raise ListParseError(path, "empty file")
    return ListSnapshot(
        source=source or SOURCE,
        format="ftm-json",
        published=None,
        entities=_read(path, source or SOURCE),
        path=str(path),
    )


def _objects(path: Path, only: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, JSON object) per line; ``only`` skips lines not containing it."""
    with path.open("r", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip() or (only is not None and only not in line):
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                kind = "truncated" if not line.endswith("\n") else "not JSON"
                raise ListParseError(path, f"{kind}: line {line_no}: {exc.msg}") from exc
            if not isinstance(data, dict) or not data.get("id") or not data.get("schema"):
                raise ListParseError(path, f"line {line_no}: not an FtM entity (no id/schema)")
            yield line_no, data


def _sanctions(path: Path) -> dict[str, tuple[list[str], str | None]]:
    """First pass: programmes and earliest listing date of each sanctioned entity, from
    the Sanction entities (which may come before or after the entity they are about)."""
    out: dict[str, tuple[list[str], str | None]] = {}
    for _line, data in _objects(path, only='"Sanction"'):
        if data.get("schema") != "Sanction":
            continue
        props = data.get("properties") or {}
        programmes = [str(p) for p in props.get("programId") or props.get("program") or []]
        stated = props.get("listingDate", []) + props.get("startDate", [])
        dates = sorted(str(d)[:10] for d in stated)
        for target in props.get("entity", []):
            known, first = out.get(str(target), ([], None))
            for programme in programmes:
                if programme not in known:
                    known.append(programme)
            if dates and (first is None or dates[0] < first):
                first = dates[0]
            out[str(target)] = (known, first)
    return out


def _read(path: Path, source: str) -> Iterator[Entity]:
    sanctions = _sanctions(path)
    for line_no, data in _objects(path):
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except (InvalidData, TypeError, AttributeError) as exc:
            raise ListParseError(path, f"line {line_no}: invalid FtM entity: {exc}") from exc
        if not (proxy.schema.is_a("LegalEntity") or proxy.schema.is_a("Vehicle")):
            continue
        entity = entity_from_ftm(proxy, source, data)
        programmes, first = sanctions.get(entity.ref, ([], None))
        for programme in programmes:
            if programme not in entity.programmes:
                entity.programmes.append(programme)
        listed = parse_date(first)
        if listed and (entity.listed_on is None or listed < entity.listed_on):
            entity.listed_on = listed
        yield entity


def entity_from_ftm(
    proxy: EntityProxy, source: str = SOURCE, data: dict[str, Any] | None = None
) -> Entity:
    """One FtM entity proxy -> Entity."""
    schema = proxy.schema
    if schema.is_a("Person"):
        kind = EntityKind.PERSON
    elif schema.is_a("Vessel"):
        kind = EntityKind.VESSEL
    elif schema.is_a("Airplane"):
        kind = EntityKind.AIRCRAFT
    else:
        kind = EntityKind.ORGANISATION
    entity = Entity(source=source, ref=str(proxy.id), kind=kind)
    caption = clean((data or {}).get("caption"))
    names = _values(proxy, "name")
    primary = caption if caption in names else (names[0] if names else caption)
    for full, name_kind in [(primary, NameKind.PRIMARY)] + [
        (n, NameKind.STRONG_ALIAS) for n in names
    ]:
        _name(entity, full, name_kind)
    for prop, name_kind in (
        ("alias", NameKind.STRONG_ALIAS),
        ("weakAlias", NameKind.WEAK_ALIAS),
        ("previousName", NameKind.FORMER),
    ):
        for full in _values(proxy, prop):
            _name(entity, full, name_kind)
    if entity.names and kind is EntityKind.PERSON:
        first = entity.names[0]
        first.given = _one(proxy, "firstName")
        first.middle = _one(proxy, "middleName")
        first.family = _one(proxy, "lastName")
    for text in _values(proxy, "birthDate"):
        dob = parse_birth_date(text)
        if dob is not None:
            entity.birth_dates.append(dob)
    entity.birth_places = [p for p in _values(proxy, "birthPlace") if p]
    for prop in ("nationality", "citizenship", "country", "jurisdiction", "flag"):
        for value in _values(proxy, prop):
            code = country_or_text(value)
            if code and code not in entity.nationalities:
                entity.nationalities.append(code)
    for prop, id_kind in [(p, k) for k, p in _ID_PROP.items()]:
        for value in _values(proxy, prop):
            if id_kind is IdentifierKind.IMO:
                value = value.upper().removeprefix("IMO").strip()
            entity.identifiers.append(Identifier(id_kind, value))
    for value in _values(proxy, "address"):
        entity.addresses.append(Address(full=value))
    gender = _one(proxy, "gender")
    entity.gender = gender if gender in ("male", "female") else None
    entity.titles = list(_values(proxy, "title"))
    entity.positions = list(_values(proxy, "position"))
    entity.programmes = list(_values(proxy, "program"))
    notes = _values(proxy, "notes")
    entity.remarks = "\n".join(notes) or None
    created = _values(proxy, "createdAt")
    entity.listed_on = parse_date(created[0][:10]) if created else None
    entity.extra["schema"] = schema.name
    datasets = (data or {}).get("datasets")
    if isinstance(datasets, list) and datasets:
        entity.extra["datasets"] = ", ".join(str(d) for d in datasets)
    topics = _values(proxy, "topics")
    if topics:
        entity.extra["topics"] = ", ".join(topics)
    return entity


def _values(proxy: EntityProxy, prop: str) -> list[str]:
    """Values of ``prop`` cleaned like every list's text (control characters dropped)."""
    out: list[str] = []
    for value in proxy.get(prop, quiet=True):
        text = clean(value)
        if text and text not in out:
            out.append(text)
    return out


def _one(proxy: EntityProxy, prop: str) -> str | None:
    values = _values(proxy, prop)
    return values[0] if values else None


def _name(entity: Entity, full: str | None, kind: NameKind) -> None:
    value = clean(full)
    if value and not any(n.full == value for n in entity.names):
        entity.names.append(Name(value, kind, script=script_code(value)))
