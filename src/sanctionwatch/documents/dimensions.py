"""Sizes of ships that no ship has: wider than about 70 metres, longer than about 460.

The largest ships afloat are some 60 to 66 metres in the beam and under 460 metres
long, so "a tanker 138 metres wide" is most likely a length given as a width (or a
wrong figure). Only sentences about a vessel are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctionwatch.documents.model import FactualIssue, Sentence

__all__ = ["MAX_BEAM_M", "MAX_LENGTH_M", "check_ship_sizes"]

MAX_BEAM_M = 70.0
MAX_LENGTH_M = 470.0
_VESSEL = re.compile(
    r"\b(?:ships?|vessels?|tankers?|freighters?|carriers?|barges?|boats?|trawlers?)\b", re.I
)
_SIZE = re.compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)[\s-]*(?P<unit>m|metres?|meters?|ft|feet|foot)"
    r"[\s-]+(?P<dim>wide|long|in\s+width|in\s+length|in\s+beam|beam)\b",
    re.I,
)
_FEET = 0.3048


def check_ship_sizes(sentences: Sequence[Sentence]) -> list[FactualIssue]:
    out: list[FactualIssue] = []
    for s in sentences:
        if not _VESSEL.search(s.text):
            continue
        for m in _SIZE.finditer(s.text):
            value = float(m.group("n").replace(",", ""))
            metres = value * _FEET if m.group("unit").lower() in ("ft", "feet", "foot") else value
            wide = re.search(r"wide|width|beam", m.group("dim"), re.I) is not None
            limit = MAX_BEAM_M if wide else MAX_LENGTH_M
            if metres <= limit:
                continue
            what = "wide" if wide else "long"
            out.append(
                FactualIssue(
                    "dimension",
                    s.start + m.start(),
                    s.start + m.end(),
                    m.group(0),
                    f"'{m.group(0)}': no ship is over {limit:.0f} m {what} (the largest are "
                    f"about 66 m wide and under 460 m long); a length given as a width?",
                    0.5,
                )
            )
    return out
