"""Assessment time for a growing body of evidence, from the real articles.

The two seed articles and the development articles are analysed once (not timed); their
statements are then repeated under new document ids until there are ``--statements`` of
them. Timed side by side, in the same run:

- sanctionwatch: ``Picture.assess_all`` (the evidence sorted out once per obligation);
- reference: the plain way, ``Picture.assess`` called for each (state, obligation) pair,
  which filters all the evidence again for every pair;

and the rendering of one brief (Markdown and HTML) from the result.

    SANCTIONWATCH_SHARED_DATA=/work/shared/data PYTHONPATH=src python bench/compliance_assess.py
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar


def shared() -> Path:
    env = os.environ.get("SANCTIONWATCH_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def articles(data: Path) -> list[tuple[str, date | None, str | None]]:
    """(text, published, outlet) for the seeds and the development articles."""
    out: list[tuple[str, date | None, str | None]] = []
    seeds = data.parent / "seeds"
    for name, when, outlet in (
        ("000_a91da6cdb8fc6008.txt", date(2023, 12, 17), "UNI"),
        ("003_77704f73fa7897a9.txt", date(2020, 1, 16), "Reuters"),
    ):
        if (seeds / name).exists():
            out.append(((seeds / name).read_text(encoding="utf-8"), when, outlet))
    for path in sorted((data / "articles" / "dev").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        m = re.search(r"^date: (\d{4}-\d\d-\d\d)", head, re.M)
        o = re.search(r"^outlet: (.+)$", head, re.M)
        out.append((body, date.fromisoformat(m.group(1)) if m else None, o and o.group(1)))
    return out


T = TypeVar("T")


def best(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The best of ``repeat`` timings, and the result."""
    times = []
    for _ in range(repeat - 1):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    result = fn()
    times.append(time.perf_counter() - t)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = shared()
    if not (data / "articles" / "dev").is_dir():
        print(f"shared data not found at {data}; set SANCTIONWATCH_SHARED_DATA")
        return 1
    from sanctionwatch.compliance.report import render_html, render_markdown
    from sanctionwatch.compliance.service import build_picture, load_obligations
    from sanctionwatch.documents import analyse_text

    texts = articles(data)
    analyses = [analyse_text(t, published=p, outlet=o) for t, p, o in texts]
    pic = build_picture(analyses, load_obligations())
    base = list(pic.evidence)
    copies = max(1, args.statements // max(1, len(base)))
    evidence = []
    for i in range(copies):
        for ev in base:
            item = copy.copy(ev)
            object.__setattr__(item, "document_id", f"{ev.document_id}#{i}")
            evidence.append(item)
            pic.doc_obligations.setdefault(item.document_id, set()).update(
                pic.doc_obligations.get(ev.document_id, set())
            )
    pic.evidence = evidence
    as_of = date(2024, 6, 1)
    pairs = pic.pairs()
    ours, found = best(lambda: pic.assess_all(as_of), args.repeat)
    ref, found_ref = best(lambda: [pic.assess(s, o, as_of) for s, o in pairs], args.repeat)
    assert [(a.state, a.obligation.id, a.status) for a in found] == [  # type: ignore[attr-defined]
        (a.state, a.obligation.id, a.status)
        for a in found_ref  # type: ignore[attr-defined]
    ]
    md, _ = best(lambda: render_markdown(pic.brief("RU", "2397-OP8", as_of)), args.repeat)
    html, _ = best(lambda: render_html(pic.brief("RU", "2397-OP8", as_of)), args.repeat)
    print(f"{len(texts)} articles, {len(base)} statements repeated x{copies} = "
          f"{len(evidence)} statements, {len(pairs)} (state, obligation) pairs")  # fmt: skip
    print(f"sanctionwatch assess_all:              {ours:8.3f} s")
    print(f"reference (assess one pair at a time): {ref:8.3f} s")
    print(f"brief RU/2397-OP8, Markdown:           {md:8.3f} s")
    print(f"brief RU/2397-OP8, HTML:               {html:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
