"""All settings, read once from ``SANCTIONWATCH_*`` environment variables.

Code takes a :class:`Settings` object as an argument instead of reading globals, so
tests build their own ``Settings(...)`` rather than patching anything.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "to_environment"]


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("sanctionwatch", appauthor=False))


class Settings(BaseSettings):
    """Every setting, its environment variable and its default (see docs/settings.md)."""

    model_config = SettingsConfigDict(env_prefix="SANCTIONWATCH_", extra="ignore")

    home: Path = Field(
        default_factory=_default_home,
        description="Folder for the embedded database and downloaded files.",
    )
    db_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; default: SQLite file in `home`.",
    )
    http_timeout: float = Field(default=60.0, description="Seconds before a download gives up.")
    http_retries: int = Field(default=3, description="Attempts per download.")
    sources_file: Path | None = Field(
        default=None, description="A source manifest (YAML) to use instead of the built-in one."
    )
    web_anonymous_read: bool = Field(
        default=True,
        description="Web: requests without an API key may read (as the viewer role).",
    )
    web_open_until_keys: bool = Field(
        default=True,
        description="Web: while no API key exists, requests without a key may also write "
        "(as the analyst role), so a fresh local install works at once.",
    )
    web_max_body_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Web: largest request body accepted; larger ones get 413.",
    )

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.home / 'sanctionwatch.db'}"

    @property
    def downloads_dir(self) -> Path:
        return self.home / "downloads"


def to_environment(settings: Settings) -> dict[str, str]:
    """``SANCTIONWATCH_*`` variables from which ``Settings()`` rebuilds ``settings``.

    Used to hand the settings of one process (``--db`` included) to worker processes
    that build their own.
    """
    env: dict[str, str] = {}
    for name in Settings.model_fields:
        value = getattr(settings, name)
        if value is not None:
            env[f"SANCTIONWATCH_{name.upper()}"] = str(value)
    return env


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
