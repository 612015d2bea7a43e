"""Shared by the screening benchmarks: the real lists, parsed once and cached.

Every list file of ``shared/data/lists`` that the installed parsers understand is
parsed with :func:`sanctionwatch.lists.registry.parse_file`; the entities are cached
(pickled, keyed by the files' hashes) in the temporary folder so that re-runs skip
parsing. Files no parser handles yet are reported and skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.model import Entity

REPO = Path(__file__).resolve().parents[1]
LIST_FILES = [
    "lists/un/consolidated_2026-02-27.xml",
    "lists/ofac/sdn_csv_2024-05-03/sdn.csv",
    "lists/ofac/consolidated_nonsdn_2025-03-28.xml",
    "lists/uk/ConList_2025-04-14.xlsx",
    "lists/eu/eu_oj_32017R1509_dprk_annexes.csv",
    "lists/eu/fsf_sample_2020-04-15.xml",
]


def shared_data() -> Path:
    env = os.environ.get("SANCTIONWATCH_SHARED_DATA")
    path = Path(env) if env else REPO.parent / "shared" / "data"
    if not path.is_dir():
        sys.exit(f"shared data not found at {path} (set SANCTIONWATCH_SHARED_DATA)")
    return path


def load_entities(verbose: bool = True) -> tuple[list[Entity], list[str]]:
    """All entities of every parseable list file, and a line per file saying what."""
    from sanctionwatch.lists import registry

    base = shared_data()
    entities: list[Entity] = []
    report: list[str] = []
    cache_dir = Path(tempfile.gettempdir()) / "sanctionwatch-bench"
    cache_dir.mkdir(exist_ok=True)
    # The parsers' own code is part of the key: a changed parser parses again.
    parsers = hashlib.sha256()
    for source in sorted(Path(registry.__file__).parent.glob("*.py")):
        parsers.update(source.read_bytes())
    for rel in LIST_FILES:
        path = base / rel
        if not path.exists():
            report.append(f"{rel}: missing")
            continue
        digest = hashlib.sha256(path.read_bytes() + parsers.digest()).hexdigest()[:16]
        cached = cache_dir / f"entities-{digest}.pkl"
        if cached.exists():
            with cached.open("rb") as fh:
                got: list[Entity] = pickle.load(fh)
        else:
            try:
                got = list(registry.parse_file(path).entities)
            except ListParseError as exc:
                report.append(f"{rel}: skipped ({exc.problem})")
                continue
            with cached.open("wb") as fh:
                pickle.dump(got, fh, protocol=pickle.HIGHEST_PROTOCOL)
        report.append(f"{rel}: {len(got)} entities")
        entities.extend(got)
    if verbose:
        for line in report:
            print("  list", line)
    return entities, report
