"""Facts inside OFAC's free-text remarks: ``DOB 01 Jan 1965; POB Pyongyang, Korea, North;
nationality Korea, North; Passport 836110034 (Korea, North); Vessel Registration
Identification IMO 8914934; MMSI 445123000; SWIFT/BIC KDBKKPPY; Gender Male;
a.k.a. 'KIM Il'``.

The clause keys are the ones OFAC writes most often. Anything not recognised stays in
the remarks text, which the entity keeps verbatim. Pure functions; never raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sanctionwatch.lists.common import clean
from sanctionwatch.lists.countries import country_or_text
from sanctionwatch.lists.dates import parse_birth_date
from sanctionwatch.lists.model import BirthDate, Identifier, IdentifierKind, Name, NameKind

__all__ = [
    "RemarkFacts",
    "identifier_kind",
    "parse_identifier",
    "parse_remarks",
    "split_clauses",
]

_ALIAS = re.compile(r"\b([afn])\.k\.a\.,?\s*'(.+?)'(?=\s*(?:[;,.)]|$))", re.I)
_ALIAS_KIND = {"a": NameKind.STRONG_ALIAS, "n": NameKind.STRONG_ALIAS, "f": NameKind.FORMER}
_ID_COUNTRY = re.compile(r"^(?P<value>.+?)\s*\((?P<country>[^()]+)\)(?P<rest>.*)$")
_ALT = re.compile(r"^alt\.\s+", re.I)
# where a number ends and the words about it begin: "G 649385 issued 08 Sep 2006"
_NOTE_START = re.compile(
    r"\s+(?=(?:issued|expires|expiring|expired|valid|dated|registered|alt\.)\b|-\s)", re.I
)

# clause prefix (case-insensitive, after an optional "alt. ") -> identifier kind
_ID_PREFIXES: tuple[tuple[str, IdentifierKind], ...] = (
    ("vessel registration identification imo", IdentifierKind.IMO),
    ("identification number imo", IdentifierKind.IMO),
    ("imo", IdentifierKind.IMO),
    ("mmsi", IdentifierKind.MMSI),
    ("swift/bic", IdentifierKind.SWIFT_BIC),
    ("passport no.", IdentifierKind.PASSPORT),
    ("passport", IdentifierKind.PASSPORT),
    ("diplomatic passport", IdentifierKind.PASSPORT),
    ("national id no.", IdentifierKind.NATIONAL_ID),
    ("national id", IdentifierKind.NATIONAL_ID),
    ("cedula no.", IdentifierKind.NATIONAL_ID),
    ("identification number", IdentifierKind.NATIONAL_ID),
    ("tax id no.", IdentifierKind.TAX_ID),
    ("nit #", IdentifierKind.TAX_ID),
    ("ruc #", IdentifierKind.TAX_ID),
    ("registration number", IdentifierKind.REGISTRATION),
    ("business registration number", IdentifierKind.REGISTRATION),
    ("registration id", IdentifierKind.REGISTRATION),
    ("company number", IdentifierKind.REGISTRATION),
    ("commercial registry number", IdentifierKind.REGISTRATION),
    ("aircraft tail number", IdentifierKind.REGISTRATION),
    ("unified social credit code (uscc)", IdentifierKind.REGISTRATION),
    ("legal entity number", IdentifierKind.REGISTRATION),
    ("public registration number", IdentifierKind.REGISTRATION),
    ("government gazette number", IdentifierKind.REGISTRATION),
    ("trade license no.", IdentifierKind.REGISTRATION),
    ("c.r. no.", IdentifierKind.REGISTRATION),
)
_ID_ORDER = sorted(_ID_PREFIXES, key=lambda item: -len(item[0]))


@dataclass(slots=True)
class RemarkFacts:
    names: list[Name] = field(default_factory=list)
    birth_dates: list[BirthDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    gender: str | None = None
    registration_countries: list[str] = field(default_factory=list)


def split_clauses(text: str) -> list[str]:
    """``;``-separated clauses, not splitting inside single-quoted aliases."""
    out: list[str] = []
    buf: list[str] = []
    quoted = False
    for i, ch in enumerate(text):
        if ch == "'":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if not quoted and not before.isalnum():
                quoted = True
            elif quoted and not after.isalnum():
                quoted = False
        if ch == ";" and not quoted:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return [c for c in (x.strip().rstrip(".").strip() for x in out) if c]


def identifier_kind(label: str) -> IdentifierKind | None:
    """Kind for an OFAC id type label (``"Passport"``, ``"Tax ID No."``...), if known."""
    lowered = _ALT.sub("", label.strip()).lower()
    for prefix, kind in _ID_ORDER:
        if lowered == prefix or lowered.startswith(prefix + " "):
            return kind
    return None


def parse_identifier(clause: str) -> Identifier | None:
    """``"Passport 836110034 (Korea, North)"`` -> Identifier; ``None`` if not recognised."""
    clause = _ALT.sub("", clause.strip())
    return _identifier(clause, clause.lower())


def _identifier(clause: str, lowered: str) -> Identifier | None:
    for prefix, kind in _ID_ORDER:
        if not lowered.startswith(prefix + " "):
            continue
        body = clause[len(prefix) :].strip()
        country = None
        note = None
        m = _ID_COUNTRY.match(body)
        if m:
            body = m["value"]
            country = country_or_text(m["country"])
            note = clean(m["rest"])
        else:
            m = _NOTE_START.search(body)
            if m:
                note = clean(body[m.end() :])
                body = body[: m.start()]
        value = clean(body)
        if not value or len(value) > 80:
            return None
        if kind is not IdentifierKind.SWIFT_BIC and not any(c.isdigit() for c in value):
            return None
        if kind is IdentifierKind.REGISTRATION and prefix.startswith("aircraft"):
            note = "aircraft tail number" if note is None else f"aircraft tail number; {note}"
        return Identifier(kind, value, country=country, note=note)
    return None


def parse_remarks(text: str | None) -> RemarkFacts:
    """Parse the common clauses of an OFAC remarks field into fields."""
    facts = RemarkFacts()
    if not text:
        return facts
    for m in _ALIAS.finditer(text):
        name = clean(m.group(2))
        kind = _ALIAS_KIND[m.group(1).lower()]
        if name and not any(n.full == name for n in facts.names):
            facts.names.append(Name(name, kind))
    for raw in split_clauses(text):
        clause = _ALT.sub("", raw)
        lowered = clause.lower()
        if lowered.startswith("dob "):
            dob = parse_birth_date(clause[4:])
            if dob is not None:
                facts.birth_dates.append(dob)
        elif lowered.startswith("pob "):
            place = clean(clause[4:])
            if place and place not in facts.birth_places:
                facts.birth_places.append(place)
        elif lowered.startswith("nationality of registration "):
            value = country_or_text(clause[len("nationality of registration ") :])
            if value and value not in facts.registration_countries:
                facts.registration_countries.append(value)
        elif lowered.startswith(("nationality ", "citizen ")):
            value = country_or_text(clause.split(" ", 1)[1])
            if value and value not in facts.nationalities:
                facts.nationalities.append(value)
        elif lowered.startswith("gender "):
            gender = lowered[7:].strip()
            if gender in ("male", "female"):
                facts.gender = gender
        else:
            ident = _identifier(clause, lowered)
            if ident is not None:
                facts.identifiers.append(ident)
    return facts
