"""A metadata header at the top of a text file: ``key: value`` lines, then ``---``.

Two layouts are read: YAML-style front matter (``---``, the lines, ``---``) and a block
of ``key: value`` lines closed by a line ``---`` (as saved article excerpts often are).
The block must open the file, hold at least two such lines, one of them a known key
(title, date, url, outlet ...), and be closed within the first 40 lines; otherwise the
text has no header and is read whole. A date may carry a note ("2018-08 (inferred from
the text)"): the date is kept at the precision given and marked inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Header", "split_header"]

KNOWN_KEYS = {
    "title",
    "headline",
    "date",
    "published",
    "publication_date",
    "url",
    "link",
    "source_url",
    "outlet",
    "publisher",
    "source",
    "site",
    "author",
    "byline",
    "language",
    "lang",
}
_LINE = re.compile(r"(?P<key>[A-Za-z][\w -]{0,29}?)\s*:\s*(?P<value>.*)$")
_RULE = re.compile(r"-{3,}\s*$")
_DATE = re.compile(r"\s*['\"]?(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b['\"]?\s*(.*)$")
MAX_LINES = 40


@dataclass(slots=True)
class Header:
    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # offset of the text after the header

    def get(self, *keys: str) -> str | None:
        for k in keys:
            value = self.fields.get(k)
            if value:
                return value
        return None

    @property
    def date(self) -> str | None:
        """The date as ISO text at its precision ("2019-02-05", "2018-08", "2017")."""
        m = _DATE.match(self.get("date", "published", "publication_date") or "")
        return m.group(1) if m else None

    @property
    def date_inferred(self) -> bool:
        m = _DATE.match(self.get("date", "published", "publication_date") or "")
        return bool(m and re.search(r"\b(?:inferred|estimated|approximate|guess)", m.group(2)))


def split_header(text: str) -> Header | None:
    """The header at the top of ``text``, or None when there is none."""
    lines = text.split("\n", MAX_LINES + 2)
    pos = 0
    fields: dict[str, str] = {}
    i = 0
    if lines and _RULE.match(lines[0]):  # front matter opens with a rule
        pos = len(lines[0]) + 1
        i = 1
    for line in lines[i : MAX_LINES + 1]:
        end = pos + len(line) + 1
        if _RULE.match(line):
            if len(fields) >= 2 and KNOWN_KEYS & fields.keys():
                return Header(fields, min(end, len(text)))
            return None
        if not line.strip():
            pos = end
            continue
        m = _LINE.match(line)
        if m is None:
            return None  # prose before any rule: no header
        key = m.group("key").strip().lower().replace(" ", "_").replace("-", "_")
        fields.setdefault(key, m.group("value").strip().strip("'\""))
        pos = end
    return None
