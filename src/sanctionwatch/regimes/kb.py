"""The knowledge base: resolution index plus regimes, loaded once from the package data."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from sanctionwatch.errors import NotFoundError
from sanctionwatch.regimes.loader import DataFileError, data_dir, read_index, read_regime
from sanctionwatch.regimes.model import Obligation, RegimeFile, Resolution

__all__ = ["KnowledgeBase", "load_kb"]


class KnowledgeBase:
    """Resolutions by number, regimes by key, obligations by id."""

    __slots__ = (
        "_by_month",
        "_by_regime",
        "_by_resolution",
        "_obligations",
        "_regime_of",
        "_renamed",
        "highest",
        "regimes",
        "resolutions",
    )

    def __init__(self, resolutions: Iterable[Resolution], regimes: Iterable[RegimeFile]) -> None:
        self.resolutions: dict[int, Resolution] = {r.number: r for r in resolutions}
        self.highest = max(self.resolutions, default=0)
        self._by_month: dict[tuple[int, int], list[Resolution]] = {}
        for res in self.resolutions.values():
            self._by_month.setdefault((res.adopted.year, res.adopted.month), []).append(res)
        self.regimes: dict[str, RegimeFile] = {}
        self._regime_of: dict[int, str] = {}
        self._obligations: dict[str, Obligation] = {}
        self._by_regime: dict[str, list[Obligation]] = {}
        self._by_resolution: dict[int, list[Obligation]] = {}
        self._renamed: dict[str, str] = {}
        for reg in regimes:
            self.regimes[reg.key] = reg
            for number in reg.resolutions:
                self._regime_of.setdefault(number, reg.key)
            self._by_regime[reg.key] = list(reg.obligations)
            for ob in reg.obligations:
                self._obligations[ob.id] = ob
                self._renamed.update((old, ob.id) for old in ob.replaces)
                self._by_resolution.setdefault(ob.resolution, []).append(ob)
        for res in self.resolutions.values():
            if res.regime and res.regime in self.regimes:
                self._regime_of.setdefault(res.number, res.regime)

    def resolution(self, number: int) -> Resolution | None:
        return self.resolutions.get(number)

    def regime_of(self, number: int) -> str | None:
        """The regime key a resolution belongs to (from the regime files or the index)."""
        return self._regime_of.get(number)

    def obligations(self, regime: str | None = None) -> list[Obligation]:
        if regime is None:
            return list(self._obligations.values())
        key = regime.casefold()
        if key not in self._by_regime:
            known = ", ".join(sorted(self._by_regime))
            raise NotFoundError(f"unknown regime {regime!r} (known: {known})")
        return list(self._by_regime[key])

    def obligation(self, obligation_id: str) -> Obligation:
        try:
            return self._obligations[self.current_id(obligation_id)]
        except KeyError:
            raise NotFoundError(f"unknown obligation {obligation_id!r}") from None

    def find_obligation(self, obligation_id: str) -> Obligation | None:
        return self._obligations.get(self.current_id(obligation_id))

    def current_id(self, obligation_id: str) -> str:
        """The id an obligation has now, for one it had before ("1718-arms-embargo" is
        "1718-OP8ab" since its paragraph was read); any other id as it is."""
        return self._renamed.get(obligation_id, obligation_id)

    def by_resolution(self, number: int) -> list[Obligation]:
        return list(self._by_resolution.get(number, ()))

    def measure_resolutions(self) -> list[int]:
        """Numbers of the resolutions that lay down at least one obligation, ascending."""
        return sorted(self._by_resolution)

    def adopted_in(self, year: int, month: int | None = None) -> list[Resolution]:
        """Resolutions adopted in a year (and month), by number."""
        months = [month] if month is not None else range(1, 13)
        found = [r for m in months for r in self._by_month.get((year, m), ())]
        return sorted(found, key=lambda r: r.number)


def build_kb(folder: Path) -> KnowledgeBase:
    """Read every data file under ``folder`` (the package's ``data`` or a test copy)."""
    index: dict[int, Resolution] = {}
    for name in ("resolutions.csv", "resolutions_added.csv"):
        path = folder / name
        if not path.exists():
            continue
        for res in read_index(path):
            if res.number in index:
                raise DataFileError(path, None, f"resolution {res.number} is already indexed")
            index[res.number] = res
    regimes = []
    keys: set[str] = set()
    files: list[tuple[Path, RegimeFile]] = []
    for path in sorted((folder / "regimes").glob("*.yaml")):
        reg = read_regime(path, index)
        if reg.key in keys:
            raise DataFileError(path, None, f"regime key {reg.key!r} used twice")
        if reg.key != path.stem:
            raise DataFileError(path, None, f"regime key {reg.key!r} differs from file name")
        keys.add(reg.key)
        regimes.append(reg)
        files.append((path, reg))
    _check_ids(files)
    return KnowledgeBase(index.values(), regimes)


def _check_ids(files: list[tuple[Path, RegimeFile]]) -> None:
    """Every obligation id is used once, and an id it ``replaces`` is no current id and is
    replaced by one obligation only: otherwise a lookup would find the wrong duty."""
    current: dict[str, Path] = {}
    for path, reg in files:
        for ob in reg.obligations:
            if ob.id in current:
                raise DataFileError(
                    path, None, f"obligation id {ob.id!r} is also used in {current[ob.id].name}"
                )
            current[ob.id] = path
    replaced: dict[str, str] = {}
    for path, reg in files:
        for ob in reg.obligations:
            for old in ob.replaces:
                if old in current:
                    raise DataFileError(
                        path, None, f"{ob.id} replaces {old!r}, which is a current obligation id"
                    )
                if old in replaced:
                    raise DataFileError(
                        path, None, f"{old!r} is replaced by both {replaced[old]} and {ob.id}"
                    )
                replaced[old] = ob.id


@functools.cache
def load_kb() -> KnowledgeBase:
    """The package's knowledge base, read once per process."""
    return build_kb(data_dir())
