"""A real server for browser and load tests: uvicorn in a thread on a free loopback port,
over a store loaded with real list files."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store, open_store
from sanctionwatch.web.app import create_app


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def load_lists(store: Store, files: Sequence[tuple[Path, str | None]]) -> None:
    """Import list files (path, format or None to sniff) into the store."""
    from sanctionwatch.lists.registry import parse_file
    from sanctionwatch.store.lists_repo import ListRepository

    repo = ListRepository(store)
    for path, fmt in files:
        target = path / "sdn.csv" if path.is_dir() else path
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        repo.import_snapshot(parse_file(path, fmt), file_sha256=digest, origin=str(path))


@contextmanager
def serve(settings: Settings, store: Store | None = None) -> Iterator[str]:
    """Serve the app on 127.0.0.1 in a background thread; yields the base URL."""
    store = store or open_store(settings)
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, store=store), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
