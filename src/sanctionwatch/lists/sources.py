"""The source manifest: where each official list is published, in which format, under
which licence, and how many entities a complete file plausibly holds.

The manifest is a YAML file (``sources.yaml`` beside this module, or the file named by
``Settings.sources_file``), validated with pydantic when loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, model_validator

from sanctionwatch.errors import InputError
from sanctionwatch.settings import Settings
from sanctionwatch.store.lists_repo import select_sources

__all__ = ["FORMAT_NAMES", "CountRange", "Download", "Manifest", "Source", "load_manifest"]

FORMAT_NAMES = (
    "un-xml",
    "ofac-csv",
    "ofac-xml",
    "eu-fsf-xml",
    "eu-oj-csv",
    "uk-xlsx",
    "uk-csv",
    "ftm-json",
)

PlainName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]


class Download(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: AnyHttpUrl
    filename: PlainName


class CountRange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min: int = Field(ge=0)
    max: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> CountRange:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class Source(BaseModel):
    """One dataset of the manifest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    title: str
    publisher: str
    homepage: AnyHttpUrl | None = None
    format: str
    licence: str
    entities: CountRange
    downloads: list[Download] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_format(self) -> Source:
        if self.format not in FORMAT_NAMES:
            raise ValueError(f"unknown format {self.format!r}; known: {', '.join(FORMAT_NAMES)}")
        names = [d.filename for d in self.downloads]
        if len(set(names)) != len(names):
            raise ValueError("two downloads share a filename")
        return self

    @property
    def main_url(self) -> str:
        return str(self.downloads[0].url)

    def check_count(self, count: int) -> None:
        """Reject an entity count outside the plausible range for this dataset."""
        if count < self.entities.min:
            raise InputError(
                f"{self.key}: only {count} entities parsed, expected at least "
                f"{self.entities.min} for a complete list (truncated or wrong file? "
                "--no-check imports it anyway)"
            )
        if count > self.entities.max:
            raise InputError(
                f"{self.key}: {count} entities parsed, more than the plausible "
                f"maximum of {self.entities.max} (wrong file?)"
            )


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    origin: str
    sources: dict[str, Source]

    def get(self, key: str) -> Source | None:
        return self.sources.get(key)

    def select(self, wanted: Sequence[str] | None) -> list[Source]:
        """Sources by key or publisher prefix ("ofac" selects ofac_sdn and ofac_cons)."""
        keys = select_sources(self.sources, wanted)
        if wanted:
            unknown = [w for w in wanted if not select_sources(self.sources, [w])]
            if unknown:
                raise InputError(
                    f"unknown source {', '.join(map(repr, unknown))}; "
                    f"known: {', '.join(sorted(self.sources))}"
                )
        return [self.sources[k] for k in keys]


def _read_text(settings: Settings) -> tuple[str, str]:
    if settings.sources_file is not None:
        path = Path(settings.sources_file)
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read source manifest {path}: {exc.strerror}") from exc
    text = resources.files("sanctionwatch.lists").joinpath("sources.yaml").read_text("utf-8")
    return "built-in sources.yaml", text


def load_manifest(settings: Settings) -> Manifest:
    """Load and validate the manifest; any problem is an InputError naming the file."""
    origin, text = _read_text(settings)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not raw:
        raise InputError(f"{origin}: expected a mapping of dataset keys to sources")
    try:
        sources = {
            str(key): Source.model_validate({**(value or {}), "key": str(key)})
            for key, value in raw.items()
        }
    except (ValidationError, TypeError) as exc:
        raise InputError(f"{origin}: invalid source manifest: {exc}") from exc
    return Manifest(origin=origin, sources=sources)
