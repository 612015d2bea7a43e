"""The analyst's path in a real browser (Debian's Chromium driven by Playwright):
paste two seed articles and see their claims highlighted, open Russia's 2397-OP8 page
and see it disputed, with both sources set against each other, screen "김정은" and see
the list entry with its explanation, then record a decision. Screenshots go to
/tmp/sanctionwatch-shots.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from tests.conftest import shared_file
from tests.web.live import load_lists, serve

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path("/tmp/sanctionwatch-shots")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    for name in ("sanctionwatch.documents", "sanctionwatch.compliance.service",
                 "sanctionwatch.screening.yente", "sanctionwatch.lists.registry"):  # fmt: skip
        pytest.importorskip(name)
    un = shared_file("lists/un/consolidated_2026-02-27.xml")
    ofac = shared_file("lists/ofac/sdn_csv_2024-05-03")
    settings = Settings(home=tmp_path_factory.mktemp("browser"))
    store = open_store(settings)
    load_lists(store, [(un, None), (ofac, "ofac-csv")])
    with serve(settings, store) as url:
        yield url
    store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as resp:  # loopback only
        return json.load(resp)


def paste(page: Any, site: str, text: str, published: str) -> None:
    page.goto(f"{site}/documents")
    page.fill("#text", text)
    page.fill("#published", published)
    page.click("#analyse")
    page.wait_for_selector("#doctext")


def test_analyst_path(site: str, browser: Any, seeds_dir: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    offline: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(site) else offline.append(r.url))

    uni = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    paste(page, site, uni, "2023")
    reuters = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    paste(page, site, reuters, "2020-01-23")
    # The claims are highlighted in the text, each linked to its state and obligation.
    claims = page.locator("#doctext mark.claim")
    assert claims.count() >= 3
    highlighted = " ".join(claims.all_inner_texts())
    assert "Zakharova said Moscow was rigorously complying" in highlighted
    links = page.locator('#doctext mark.claim a[href="/states/RU/obligations/2397-OP8"]')
    assert links.count() >= 1
    assert page.locator("#doctext mark.quantity", has_text="1,000").count() >= 1
    shot(page, "document-003")

    # Russia on 2397-OP8: the status, and both sources set against each other.
    links.first.click()
    page.wait_for_selector("#status")
    assert page.url.endswith("/states/RU/obligations/2397-OP8")
    twin = get_json(f"{site}/states/RU/obligations/2397-OP8.json")
    status = twin["assessment"]["status"]
    assert status == "disputed"
    assert page.locator("#status").inner_text().strip() == "disputed"
    timeline = page.locator(".timeline").inner_text()
    assert "Zakharova" in timeline and "Ilyichev" in timeline
    assert "Reuters" in timeline and "UNI" in timeline
    disputes = page.locator(".contradiction").all_inner_texts()
    assert any("Reuters, 2020-01-23" in d and "UNI, 2023-12-17" in d for d in disputes)
    shot(page, "russia-2397-op8")

    # Screening in Hangul finds the OFAC entry for Kim Jong Un, with its explanation.
    page.goto(f"{site}/screening")
    page.fill("#q", "김정은")
    page.click("#screen-form button[type=submit]")
    row = page.locator('tr.match[data-ref="20157"]')
    row.wait_for()
    assert "KIM, Jong Un" in row.inner_text()
    assert row.locator(".explanation li").count() >= 1
    shot(page, "screening-kim")
    row.locator("input[name=reason]").fill("same person: DOB and position agree")
    row.locator("button[value=true_match]").click()
    page.wait_for_selector('tr.match[data-ref="20157"]')
    assert "true match" in page.locator('tr.match[data-ref="20157"]').inner_text()

    # Batch screening of a CSV, with its progress bar, ends with a results link.
    csv_file = SHOTS / "names.csv"
    csv_file.write_text("name,id\nKim Jong Un,1\n김정은,2\nMaria Gonzalez Ortega,3\n", "utf-8")
    page.set_input_files("#csv", str(csv_file))
    page.click("text=Screen the file")
    page.wait_for_selector("a.result:not([hidden])", timeout=60_000)
    assert page.locator(".batch .label").inner_text().startswith("3 / 3 rows screened")
    shot(page, "batch")

    # The dashboard and its map.
    page.goto(f"{site}/?obligation=2397-OP8")
    tile = page.locator('svg a[data-iso="RU"] rect')
    assert tile.get_attribute("data-status") == status
    shot(page, "dashboard")
    page.goto(f"{site}/docs")
    page.wait_for_selector(".opblock")  # Swagger UI drew the operations
    assert page.locator(".opblock").count() >= 25
    assert offline == [], f"the pages asked for outside resources: {offline}"
    page.close()
