"""Reading a text file to check, with a clear error when it is not usable text."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.errors import InputError

__all__ = ["MAX_TEXT_BYTES", "read_text_file"]


MAX_TEXT_BYTES = 20_000_000


def read_text_file(path: Path) -> str:
    """A UTF-8 text file for checking; a clear :class:`InputError` when it is not one."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{path}: {size} bytes is over the {MAX_TEXT_BYTES} byte limit")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks binary, expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
