"""Throughput of name normalisation and transliteration on the real UN list.

Measures, over every name on the UN consolidated list (Latin names, aliases and
original-script names), sanctionwatch's normalize + latin_forms, first with empty caches
and then again with warm caches; and, as the reference, rigour's normalize_name plus
anyascii (the normalisation FollowTheMoney-based matchers apply) on the same names.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path


def un_names(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    names: list[str] = []
    for tag in ("INDIVIDUAL", "ENTITY"):
        for node in root.iter(tag):
            parts = [
                (node.findtext(t) or "").strip()
                for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
            ]
            names.append(" ".join(p for p in parts if p))
            names.extend((a.findtext("ALIAS_NAME") or "") for a in node.iter(f"{tag}_ALIAS"))
            names.append(node.findtext("NAME_ORIGINAL_SCRIPT") or "")
    return [n.strip() for n in names if n and n.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(os.environ.get("SANCTIONWATCH_SHARED_DATA", "../shared/data"))
    parser.add_argument(
        "--file", type=Path, default=default / "lists/un/consolidated_2026-02-27.xml"
    )
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    args = parser.parse_args()
    if not args.file.exists():
        print(f"UN list not found: {args.file} (set SANCTIONWATCH_SHARED_DATA)")
        return 1
    from anyascii import anyascii
    from rigour.names import normalize_name

    from sanctionwatch.names import clear_caches, latin_forms, normalize

    names = un_names(args.file)
    non_latin = sum(1 for n in names if not n.isascii())
    print(f"{len(names)} names ({non_latin} with non-ASCII characters) from {args.file.name}")
    latin_forms("warm up 김정은 金正恩 Путин صدام")  # load data tables once

    def run_ours(subset: list[str] | None = None) -> float:
        start = time.perf_counter()
        for name in names if subset is None else subset:
            normalize(name)
            latin_forms(name)
        return time.perf_counter() - start

    def run_reference() -> float:
        start = time.perf_counter()
        for name in names:
            normalize_name(anyascii(name))
        return time.perf_counter() - start

    colds, warms, references = [], [], []
    for _ in range(args.repeat):  # best of n: the machine is shared
        clear_caches()
        colds.append(run_ours())
        warms.append(run_ours())
        references.append(run_reference())
    cold, warm, reference = min(colds), min(warms), min(references)
    by_kind = {}
    for label, subset in (
        ("ASCII", [n for n in names if n.isascii()]),
        ("non-ASCII", [n for n in names if not n.isascii()]),
    ):
        times = []
        for _ in range(args.repeat):
            clear_caches()
            times.append(run_ours(subset))
        by_kind[label] = min(times) * 1e6 / len(subset)
    per = 1e6 / len(names)
    print(f"sanctionwatch normalize+latin_forms, empty caches: {cold * per:8.1f} us/name")
    print(f"sanctionwatch normalize+latin_forms, warm caches:  {warm * per:8.1f} us/name")
    print(f"reference rigour normalize_name(anyascii(name)):   {reference * per:8.1f} us/name")
    for label, value in by_kind.items():
        print(f"sanctionwatch, empty caches, {label} names only: {value:8.1f} us/name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
