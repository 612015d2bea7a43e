"""Knowledge-base load time and reference-checker speed, beside simple references.

Run: PYTHONPATH=src python bench/regimes_load.py [TEXT_FILE ...]

- ours: ``build_kb`` (YAML composed with line marks, pydantic validation, cross-checks,
  deadlines computed, CSV index of ~2,500 rows), fresh each round;
- references: the same files read with PyYAML's SafeLoader (pure Python) or CSafeLoader
  (libyaml) and ``csv.DictReader`` only (no validation, no line numbers);
- ``find_references`` per text against a bare ``resolution NNNN`` regex scan.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from sanctionwatch.regimes.kb import build_kb, load_kb
from sanctionwatch.regimes.loader import data_dir
from sanctionwatch.regimes.refs import find_references


def timed(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def reference_load(loader: type) -> None:
    folder = data_dir()
    with (folder / "resolutions.csv").open(encoding="utf-8", newline="") as fh:
        list(csv.DictReader(fh))
    for path in (folder / "regimes").glob("*.yaml"):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def main(argv: list[str]) -> None:
    folder = data_dir()
    start = time.perf_counter()
    load_kb()
    first = (time.perf_counter() - start) * 1000
    ours = timed(lambda: build_kb(folder), 10)
    ref = timed(lambda: reference_load(yaml.SafeLoader), 10)
    ref_c = timed(lambda: reference_load(yaml.CSafeLoader), 10)
    cached = timed(load_kb, 1000)
    print(f"first load_kb() in a process: {first:.1f} ms")
    print(f"build_kb (ours, validated):    {ours:.1f} ms median of 10")
    print(f"yaml SafeLoader + csv (ref):   {ref:.1f} ms median of 10")
    print(f"yaml CSafeLoader + csv (ref):  {ref_c:.1f} ms median of 10")
    print(f"load_kb() cached:              {cached * 1000:.2f} µs")
    texts = [Path(p).read_text(encoding="utf-8") for p in argv]
    if texts:
        chars = sum(len(t) for t in texts)
        bare = re.compile(r"resolution\s+[0-9]{3,4}", re.IGNORECASE)
        ours_refs = timed(lambda: [find_references(t) for t in texts], 20)
        ref_refs = timed(lambda: [bare.findall(t) for t in texts], 20)
        print(f"find_references on {len(texts)} texts ({chars} chars): {ours_refs:.2f} ms")
        print(f"bare regex scan on the same texts (ref):       {ref_refs:.3f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
