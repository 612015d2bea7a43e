"""Fixtures for the documents tests: the knowledge base where it is installed."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def kb() -> Any:
    """The regimes knowledge base; tests that need it skip where it is not available."""
    from sanctionwatch.documents.links import default_kb

    base = default_kb()
    if base is None:
        pytest.skip("sanctionwatch.regimes knowledge base not available")
    return base
