"""Reading inputs, and a clear message for every kind of bad input."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest
from pypdf import PdfWriter

from sanctionwatch.documents.ingest import MAX_BYTES, read_bytes, read_path, read_source, read_url
from sanctionwatch.errors import InputError

ENGLISH = (
    "The ministry said on Monday that it had stopped issuing work permits to foreign labourers "
    "in line with the resolution, and that the last of them would leave the country this year."
)


def text_pdf(text: str) -> bytes:
    """A one-page PDF whose page draws ``text`` with a standard font (built by hand)."""
    stream = f"BT /F1 11 Tf 40 750 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    doc = read_path(path)
    assert doc.text == ENGLISH and doc.origin == str(path)


def test_html_article_text_and_metadata() -> None:
    html = (
        "<html><head><title>Permits stopped</title>"
        '<meta property="article:published_time" content="2019-05-02"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Permits stopped</h1>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article><footer>Cookie settings</footer></body></html>"
    )
    doc = read_bytes(html.encode(), "page.html")
    assert "stopped issuing work permits" in doc.text
    assert "Cookie settings" not in doc.text
    assert doc.title == "Permits stopped"


def test_pdf_with_text_layer() -> None:
    doc = read_bytes(text_pdf(ENGLISH[:150]), "report.pdf")
    assert "stopped issuing work permits" in doc.text


def test_pdf_without_text_layer_is_refused() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(InputError, match="no text layer"):
        read_bytes(buf.getvalue(), "scan.pdf")


def test_broken_pdf_is_refused() -> None:
    with pytest.raises(InputError, match=r"scan\.pdf"):
        read_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50, "scan.pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (
            "Die Regierung hat am Montag erklärt, dass sie keine Arbeitsgenehmigungen mehr "
            "an ausländische Arbeiter ausgeben wird und dass die Letzten gehen.".encode(),
            "English",
        ),
    ],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_bytes(data, "input.txt")


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(InputError, match=r"too large \(50\.0 MB"):
        read_path(path)
    assert MAX_BYTES < 50 * 1024 * 1024


def test_folder_reads_supported_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ENGLISH + " B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH + " A.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    docs = read_source(str(tmp_path))
    assert [Path(d.origin).name for d in docs] == ["a.txt", "b.txt"]


def test_empty_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \.txt"):
        read_source(str(tmp_path))
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "missing.txt"))


def test_url_that_times_out() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(InputError, match=r"https://example\.test/a: timed out after 2 s"):
        read_url("https://example.test/a", timeout=2, client=client)


def test_url_with_http_error_and_success() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/missing":
            return httpx.Response(404)
        return httpx.Response(
            200, text=ENGLISH, headers={"content-type": "text/plain; charset=utf-8"}
        )

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(InputError, match="HTTP 404"):
        read_url("https://example.test/missing", client=client)
    doc = read_url("https://example.test/ok", client=client)
    assert doc.text == ENGLISH and doc.url == "https://example.test/ok"
