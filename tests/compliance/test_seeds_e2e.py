"""End to end from the command line on the two seed articles: analyse them, then assess,
find contradictions, list indicators and alerts, and write the briefs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli import app
from tests.conftest import shared_file

pytest.importorskip("sanctionwatch.documents.repo")
pytestmark = pytest.mark.slow

runner = CliRunner()
UNI = "000_a91da6cdb8fc6008.txt"  # Moscow, Dec 17 (UNI): Ilyichev; the "2379" error
REUTERS = "003_77704f73fa7897a9.txt"  # Reuters: Zakharova, visa figures, the US on China


def run(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    for name in (UNI, REUTERS):
        if not (seeds_dir / name).exists():
            pytest.skip(f"seed article {name} missing")
    path = tmp_path_factory.mktemp("seeds") / "sw.db"
    # The UNI dateline gives "Dec 17" without a year; its events (a Kirby statement in
    # October after a Russian-North Korean summit) date it to 2023. The Reuters piece
    # ran on 16 January 2020.
    run(path, "analyse", str(seeds_dir / REUTERS), "--date", "2020-01-16", "--outlet", "Reuters")
    # Record the statuses as they stand on the Reuters article alone ...
    [before] = json.loads(
        run(path, "assess", "--state", "RU", "--obligation", "2397-OP8", "--json")
    )
    assert before["status"] == "admits non-compliance"
    # ... then the later UNI article brings claims of compliance.
    run(path, "analyse", str(seeds_dir / UNI), "--date", "2023", "--outlet", "UNI")
    return path


def as_json(db: Path, *args: str) -> Any:
    return json.loads(run(db, *args, "--json"))


def visa_figures(seeds_dir: Path) -> dict[str, tuple[int, int]]:
    """(2018, 2019) per visa type, read from the article with plain regular expressions."""
    text = (seeds_dir / REUTERS).read_text(encoding="utf-8")
    new = re.search(r"issued ([\d,]+) tourist and ([\d,]+) student visas", text)
    old = re.search(r"compared with ([\d,]+) tourist and ([\d,]+) student visas", text)
    assert new and old

    def n(s: str) -> int:
        return int(s.replace(",", ""))

    return {
        "tourist": (n(old.group(1)), n(new.group(1))),
        "student": (n(old.group(2)), n(new.group(2))),
    }


def test_russia_on_op8_is_disputed(db: Path, seeds_dir: Path) -> None:
    args = ("--no-record", "--state", "RU", "--obligation", "2397-OP8", "--as-of", "2024-06-01")
    [a] = as_json(db, "assess", *args)
    assert a["status"] == "disputed"
    assert a["deadline_passed"] is True and a["final_report_missing"] is True
    ev = a["evidence"]
    claims = [e for e in ev if e["stance"] == "asserts_compliance" and e["source_kind"] == "own"]
    assert any("Ilyichev" in (e["speaker"] or "") and "Foreign Ministry" in (e["affiliation"] or "")
               for e in claims)  # fmt: skip
    admissions = [e for e in ev if e["stance"] == "admits_noncompliance"]
    assert any("Zakharova" in (e["speaker"] or "") and "1,000" in e["sentence"]
               for e in admissions)  # fmt: skip
    assert all(e["source_kind"] == "own" for e in admissions)
    figures = visa_figures(seeds_dir)
    surges = {s["category"]: s for s in a["surges"]}
    for kind in ("tourist", "student"):
        before, after = figures[kind]
        assert surges[kind]["ratio"] == pytest.approx(after / before, abs=0.001)
        assert surges[kind]["obligation_id"] == "2397-OP8"
    assert "x8.2" in surges["tourist"]["label"] and "x4.0" in surges["student"]["label"]
    assert surges["tourist"]["suspicion"].startswith("Experts suspect")
    assert a["rule"] == "contested-claim"


def test_china_reported_by_a_us_official_and_designation_linked(db: Path) -> None:
    [a] = as_json(db, "assess", "--no-record", "--state", "CN", "--obligation", "2397-OP8")
    assert a["status"] == "reported non-compliance"
    us = [e for e in a["evidence"] if e["stance"] == "alleges_violation"]
    assert us and all(e["speaker_state"] == "US" and e["source_kind"] == "third_state" for e in us)
    md = run(db, "report", "--state", "CN", "--obligation", "2397-OP8", "--format", "md")
    assert "Korea Namgang Trading Corporation: ofac_sdn 27383" in md
    assert "Beijing Sukbakso: ofac_sdn 27254" in md


def test_contradictions_show_2379_and_the_numbers(db: Path) -> None:
    found = as_json(db, "contradictions", "--state", "RU", "--obligation", "2397-OP8")
    kinds = {c["kind"] for c in found}
    assert {"own-over-time", "document-vs-kb", "numbers"} <= kinds
    kb = [c for c in found if c["kind"] == "document-vs-kb"]
    assert kb[0]["issue"]["text"].endswith("2379") and "2397" in kb[0]["issue"]["problem"]
    numbers = [c for c in found if c["kind"] == "numbers"]
    values = {tuple(sorted(o["value"] for o in c["observations"])) for c in numbers}
    assert (1000.0, 30000.0) in values


def test_reports_and_alerts(db: Path, tmp_path: Path) -> None:
    html = tmp_path / "ru.html"
    pdf = tmp_path / "ru.pdf"
    run(
        db,
        "report",
        "--state",
        "RU",
        "--obligation",
        "2397-OP8",
        "--format",
        "html",
        "-o",
        str(html),
    )
    run(
        db, "report", "--state", "RU", "--obligation", "2397-OP8", "--format", "pdf", "-o", str(pdf)
    )
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "16,613" in page and "Zakharova" in page
    assert pdf.read_bytes().startswith(b"%PDF")
    alerts = as_json(db, "alerts")
    missed = {(x["state"], x["kind"]) for x in alerts}
    assert {("RU", "deadline-no-report"), ("CN", "deadline-no-report")} <= missed
    against = [x for x in alerts if x["kind"] == "contradicts-status"]
    assert against and all(x["state"] == "RU" for x in against)
    assert any("Ilyichev" in x["message"] for x in against)
    assert ("RU", "status-changed") in missed
    key = next(x["key"] for x in alerts if x["state"] == "CN")
    run(db, "alerts", "--ack", key)
    assert key not in {x["key"] for x in as_json(db, "alerts")}
    run(db, "record-filing", "--state", "RU", "--obligation", "2397-OP8", "--filed", "2020-03-30")
    after = as_json(db, "alerts")
    assert ("RU", "deadline-no-report") not in {(x["state"], x["kind"]) for x in after}


def test_designated_entities_found_on_the_stored_ofac_list(db: Path) -> None:
    import csv

    sdn = shared_file("lists/ofac/sdn_csv_trio_2021-07/sdn.csv")
    with sdn.open(encoding="utf-8", newline="") as fh:
        names = {row[0].strip(): row[1].strip() for row in csv.reader(fh) if len(row) > 1}
    run(db, "update", "--from", str(sdn))
    md = run(db, "report", "--state", "CN", "--obligation", "2397-OP8", "--format", "md")
    for ref in ("27383", "27254"):
        assert f"ofac_sdn {ref}" in md
        assert f"on the stored list as \u201c{names[ref]}\u201d" in md
