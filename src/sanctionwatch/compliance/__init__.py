"""Compliance picture: per state and obligation, a status with its reasons and evidence,
contradictions, indicator surges, alerts and cited briefs.

The core is pure: :func:`assess` (``rules``), :func:`find_contradictions`
(``contradictions``) and :func:`detect_surges` (``indicators``) work on the small types
in ``model``. ``service.build_picture`` puts documents' analyses, imported indicators and
report filings together; ``report`` and ``pdf`` render briefs.
"""

from sanctionwatch.compliance.contradictions import (
    Contradiction,
    ReferenceIssue,
    find_contradictions,
)
from sanctionwatch.compliance.indicators import Series, Surge, detect_surges, parse_csv, read_csv
from sanctionwatch.compliance.model import (
    Assessment,
    Evidence,
    ObligationView,
    Observation,
    ReportFiling,
    SourceKind,
    Stance,
    Status,
)
from sanctionwatch.compliance.rules import RULES, assess

__all__ = [
    "RULES",
    "Assessment",
    "Contradiction",
    "Evidence",
    "ObligationView",
    "Observation",
    "ReferenceIssue",
    "ReportFiling",
    "Series",
    "SourceKind",
    "Stance",
    "Status",
    "Surge",
    "assess",
    "detect_surges",
    "find_contradictions",
    "parse_csv",
    "read_csv",
]
