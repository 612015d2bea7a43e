"""OFAC SDN legacy CSV: ``sdn.csv`` with optional ``alt.csv``, ``add.csv`` and
``sdn_comments.csv`` beside it.

The files are headerless, use ``-0-`` for empty, CRLF line ends and end with a DOS
end-of-file byte (0x1A). The program field joins several programmes as
``DPRK3] [DPRK4``. The legacy CSV states no publication date, so ``published`` is None.
``sdn.csv`` is streamed row by row; the sibling files (a few MB at most) are indexed
by ``ent_num`` first.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.common import clean, clean_name, split_programmes
from sanctionwatch.lists.countries import country_or_text
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
from sanctionwatch.lists.ofac_remarks import parse_remarks

__all__ = ["FORMAT", "SOURCE", "csv_problem", "parse_ofac_csv", "parse_sdn_row", "sdn_files"]

FORMAT = "ofac-csv"
SOURCE = "ofac_sdn"
SDN_COLUMNS = 12
_TYPES = {
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "": EntityKind.ORGANISATION,
}
_ALT_KIND = {"aka": NameKind.STRONG_ALIAS, "nka": NameKind.STRONG_ALIAS, "fka": NameKind.FORMER}


def sdn_files(path: Path) -> dict[str, Path]:
    """The trio around ``path`` (a folder, or sdn.csv itself): name -> existing file."""
    folder = path if path.is_dir() else path.parent
    main = folder / "sdn.csv" if path.is_dir() else path
    files = {"sdn": main}
    for name in ("alt", "add", "sdn_comments"):
        candidate = folder / f"{name}.csv"
        if candidate.is_file() and main.name.lower() == "sdn.csv":
            files[name] = candidate
    return files


def parse_ofac_csv(path: Path, source: str | None = None) -> ListSnapshot:
    source = source or SOURCE
    files = sdn_files(path)
    main = files["sdn"]
    if not main.is_file():
        raise ListParseError(path, "no sdn.csv in this folder")
    if main.stat().st_size == 0:
        raise ListParseError(main, "empty file")
    return ListSnapshot(
        source=source,
        format=FORMAT,
        published=None,
        entities=_entities(files, source),
        path=str(path),
    )


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Data rows of a headerless OFAC CSV, with line numbers; checks the column count."""
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        pending: tuple[int, list[str]] | None = None
        try:
            for row in reader:
                if not row or (len(row) == 1 and not row[0].strip("\x1a \t")):
                    continue
                if pending is not None:
                    _check_width(path, pending, width, last=False)
                    yield pending
                pending = (reader.line_num, row)
        except csv.Error as exc:
            raise csv_problem(path, reader.line_num, exc) from exc
        if pending is not None:
            _check_width(path, pending, width, last=True)
            yield pending


def csv_problem(path: Path, line: int, exc: csv.Error) -> ListParseError:
    """A csv module error as a ListParseError; an open quote at the end means truncation."""
    if "unexpected end of data" in str(exc):
        return ListParseError(path, f"truncated: the file ends inside a quoted field (line {line})")
    return ListParseError(path, f"line {line}: malformed CSV: {exc}")


def _check_width(path: Path, item: tuple[int, list[str]], width: int, *, last: bool) -> None:
    line, row = item
    if len(row) == width:
        return
    if last and len(row) < width:
        raise ListParseError(
            path, f"truncated: last row (line {line}) has {len(row)} of {width} columns"
        )
    raise ListParseError(path, f"line {line}: expected {width} columns, found {len(row)}")


def _index(path: Path | None, width: int) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = defaultdict(list)
    if path is None:
        return out
    for _line, row in _rows(path, width):
        out[row[0].strip()].append(row)
    return out


def _entities(files: dict[str, Path], source: str) -> Iterator[Entity]:
    aliases = _index(files.get("alt"), 5)
    addresses = _index(files.get("add"), 6)
    comments = _index(files.get("sdn_comments"), 2)
    main = files["sdn"]
    for line, row in _rows(main, SDN_COLUMNS):
        ref = row[0].strip()
        if not ref.isdigit():
            raise ListParseError(main, f"line {line}: ent_num is not a number: {ref[:40]!r}")
        extra = "".join(r[1] for r in comments.get(ref, ()))
        entity = parse_sdn_row(row, source, extra_remarks=extra)
        _add_aliases(entity, aliases.get(ref, ()))
        _add_addresses(entity, addresses.get(ref, ()))
        yield entity


def parse_sdn_row(row: list[str], source: str = SOURCE, extra_remarks: str = "") -> Entity:
    """One sdn.csv row (12 columns) -> Entity. Never raises on odd text in the fields."""
    cells = [clean(c) for c in row] + [None] * (SDN_COLUMNS - len(row))
    ref, name, sdn_type, program, title, call_sign, vess_type, tonnage, grt, flag, owner = cells[
        :11
    ]
    remarks_raw = (row[11] if len(row) > 11 else "") + extra_remarks
    remarks = clean(remarks_raw)
    kind = _TYPES.get((sdn_type or "").lower(), EntityKind.ORGANISATION)
    entity = Entity(source=source, ref=ref or "", kind=kind, remarks=remarks)
    if name:
        entity.names.append(_primary(name, kind))
    entity.programmes = split_programmes(program)
    if title:
        entity.titles.append(title)
    facts = parse_remarks(remarks)
    for alias in facts.names:
        if not any(n.full == alias.full for n in entity.names):
            entity.names.append(alias)
    entity.birth_dates = facts.birth_dates
    entity.birth_places = facts.birth_places
    entity.nationalities = facts.nationalities
    entity.identifiers = facts.identifiers
    entity.gender = facts.gender
    if facts.registration_countries:
        entity.extra["nationality_of_registration"] = "; ".join(facts.registration_countries)
    if call_sign:
        entity.identifiers.append(Identifier(IdentifierKind.CALL_SIGN, call_sign))
    for key, value in (
        ("vessel_type", vess_type),
        ("tonnage", tonnage),
        ("gross_registered_tonnage", grt),
        ("vessel_owner", owner),
    ):
        if value:
            entity.extra[key] = value
    if flag:
        entity.extra["vessel_flag"] = country_or_text(flag) or flag
    return entity


def _primary(name: str, kind: EntityKind) -> Name:
    if kind is EntityKind.PERSON and "," in name:
        family, _, given = name.partition(",")
        return Name(name, NameKind.PRIMARY, given=clean(given), family=clean(family))
    return Name(name, NameKind.PRIMARY)


def _add_aliases(entity: Entity, rows: Iterable[list[str]]) -> None:
    for row in rows:
        alias = clean_name(row[3])
        if not alias or any(n.full == alias for n in entity.names):
            continue
        kind = _ALT_KIND.get((clean(row[2]) or "").lower(), NameKind.STRONG_ALIAS)
        name = _primary(alias, entity.kind)
        name.kind = kind
        entity.names.append(name)


def _add_addresses(entity: Entity, rows: Iterable[list[str]]) -> None:
    for row in rows:
        street, city, country_text, note = (clean(c) for c in row[2:6])
        if not any((street, city, country_text)):
            continue
        full = ", ".join(v for v in (street, city, country_text) if v)
        entity.addresses.append(
            Address(
                full=full,
                street=street,
                city=city,
                country=country_or_text(country_text),
                note=note,
            )
        )
