"""rigour's territory lookup, with its name table read from a file instead of rebuilt.

``rigour.territories.lookup_territory`` builds, on its first lookup by name, a table of
about 26,000 normalised territory names in many languages; transliterating them costs
1.5-2 CPU seconds in every process that imports a list. The same table, built by rigour
itself, is kept in ``data/territory_names.tsv`` together with the rigour version and a
fingerprint of rigour's territory data. When both match the installed rigour, lookups
here read that table and otherwise do exactly what rigour does (identifier first, then
the normalised name, then the same fuzzy search in the same order); when they do not
match, rigour's own lookup is used. Regenerate the file after upgrading rigour:

    python -m sanctionwatch.lists.territory_names
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from rigour.territories import get_territory, lookup_by_identifier, lookup_territory
from rigour.territories.territory import Territory
from rigour.territories.util import normalize_territory_name

__all__ = ["TABLE_PATH", "lookup", "read_table", "rigour_fingerprint", "write_table"]

TABLE_PATH = Path(__file__).parent / "data" / "territory_names.tsv"
_HEADER = "# rigour "


def rigour_fingerprint() -> str:
    """The installed rigour version and a hash of its territory data."""
    from rigour._core import territories_jsonl

    digest = hashlib.sha256(territories_jsonl().encode("utf-8")).hexdigest()[:16]
    return f"{version('rigour')} {digest}"


def read_table(path: Path) -> dict[str, str] | None:
    """Normalised name -> territory code, in rigour's order; ``None`` when the file is
    missing or was made with another rigour (version or territory data)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        fingerprint = rigour_fingerprint()
    except ImportError:  # a rigour without its territory data where we read it
        return None
    header, _, body = text.partition("\n")
    if header != _HEADER + fingerprint:
        return None
    table: dict[str, str] = {}
    for line in body.split("\n"):
        if line:
            key, _, code = line.partition("\t")
            table[key] = code
    return table


@cache
def _table() -> dict[str, str] | None:
    return read_table(TABLE_PATH)


def lookup(text: str, fuzzy: bool = False) -> Territory | None:
    """Same answer as ``rigour.territories.lookup_territory(text, fuzzy)``."""
    table = _table()
    if table is None:
        return lookup_territory(text, fuzzy)
    territory = lookup_by_identifier(text)
    if territory is not None:
        return territory
    key = normalize_territory_name(text)
    code = table.get(key)
    if code is not None:
        return get_territory(code)
    if fuzzy:
        return _fuzzy(key, table)
    return None


def _fuzzy(key: str, table: dict[str, str]) -> Territory | None:
    """rigour's fuzzy search: the first name (longer than 4) at the smallest edit
    distance, at most 30% of the length of ``key``."""
    from rigour._core import raw_levenshtein_cutoff

    cutoff = int(len(key) * 0.3)
    best_distance = cutoff + 1
    best: str | None = None
    for candidate, code in table.items():
        if len(candidate) <= 4:
            continue
        distance = raw_levenshtein_cutoff(key, candidate, cutoff)
        if distance < best_distance:
            best_distance = distance
            best = code
    return get_territory(best) if best is not None else None


def write_table(path: Path = TABLE_PATH) -> int:
    """Write rigour's name table (as rigour builds it) to ``path``; returns its size."""
    from rigour.territories.lookup import _get_territory_names

    names = _get_territory_names()
    lines = [_HEADER + rigour_fingerprint()]
    for key, territory in names.items():
        if "\t" in key or "\n" in key:
            raise ValueError(f"territory name key with a tab or newline: {key!r}")
        lines.append(f"{key}\t{territory.code}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if path == TABLE_PATH:
        _table.cache_clear()
    return len(names)


if __name__ == "__main__":
    print(f"{write_table()} names written to {TABLE_PATH}")
