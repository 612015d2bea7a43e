"""Loading the package's data tables (read once, cached)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["read_lines", "read_table", "read_yaml"]

_PACKAGE = "sanctionwatch.names.data"


def _text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a data file, '#' comments and surrounding blanks removed."""
    out = []
    for raw in _text(name).splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab- or '|'-separated rows of a data file (see read_lines for comments)."""
    sep = "\t" if name.endswith(".tsv") else "|"
    return tuple(tuple(cell.strip() for cell in line.split(sep)) for line in read_lines(name))


@cache
def read_yaml(name: str) -> Any:
    return yaml.safe_load(_text(name))
