"""The docs cover every command and every setting (as datasette checks its own docs)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from sanctionwatch.cli import app
from sanctionwatch.settings import Settings
from tests.conftest import REPO


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            names.extend(f"{name} {child}" for child in sub)
        else:
            names.append(name)
    return names


def test_every_command_is_documented() -> None:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `sanctionwatch ([a-z -]+?)`", text, flags=re.M))
    missing = [name for name in command_names() if name not in documented]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_setting_is_documented() -> None:
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [
        f"SANCTIONWATCH_{field.upper()}"
        for field in Settings.model_fields
        if f"`SANCTIONWATCH_{field.upper()}`" not in text
    ]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_database_url_defaults_to_sqlite_in_home(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    assert settings.database_url == f"sqlite:///{tmp_path}/sanctionwatch.db"
    url = "postgresql+psycopg://u@127.0.0.1/x"
    assert Settings(db_url=url).database_url == url
