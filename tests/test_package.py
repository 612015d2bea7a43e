"""The package's public API: every name in __all__ resolves, lazily."""

from __future__ import annotations

import subprocess
import sys

import sanctionwatch


def test_every_public_name_resolves() -> None:
    for name in sanctionwatch.__all__:
        assert getattr(sanctionwatch, name) is not None
    assert sanctionwatch.Entity.__module__ == "sanctionwatch.lists.model"


def test_importing_the_package_does_not_load_settings() -> None:
    code = "import sys, sanctionwatch; print('pydantic_settings' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
