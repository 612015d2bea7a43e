"""Jinja2 filters shared by the templates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi.templating import Jinja2Templates

__all__ = ["install_filters"]


def fmt_date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def fmt_pct(value: Any) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return ""


def css_token(value: Any) -> str:
    """A value made safe for a CSS class name: "admits_noncompliance" -> "admits-noncompliance"."""
    text = "" if value is None else str(value)
    return "".join(c if c.isalnum() else "-" for c in text.lower())


def install_filters(templates: Jinja2Templates) -> None:
    env = templates.env
    env.filters["date"] = fmt_date
    env.filters["pct"] = fmt_pct
    env.filters["css"] = css_token
