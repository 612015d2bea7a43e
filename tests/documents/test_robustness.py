"""Any text, however odd, gives a consistent analysis: offsets point into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.documents import STANCES, analyse_text

PIECES = st.sampled_from(
    [
        "Russia said it had complied with the UN sanctions. ",
        "\u201cWe never breached them,\u201d the minister said. ",
        "China was accused of violating the resolution, according to officials. ",
        "About 1,200 workers and $3m were reported on Dec. 2. ",
        "All states were required to repatriate workers by 2019. ",
        "\u200b\u202e\ufeff",  # invisible and bidirectional controls
        "Ри Мён Су ",
        "\n\n",
        "U.S.-based ",
        "(",
        "\u201d",
        "Moscow",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=12))
def test_analysis_is_consistent_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    an = analyse_text(text, published="2020-01-16", kb=None)
    for s in an.sentences:
        assert text[s.start : s.end] == s.text
    for c in an.claims:
        assert c.stance in STANCES
        assert text[c.start : c.end] == c.evidence
    for q in an.quantities:
        assert 0 <= q.start < q.end <= len(text)
    for m in an.mentions:
        assert text[m.start : m.end] == m.text


def test_text_over_the_statistical_limit_is_refused_clearly() -> None:
    from sanctionwatch.documents import DocumentInput, analyse_many
    from sanctionwatch.errors import InputError

    text = "The UN said Russia complied with the sanctions on North Korea. " * 16_000  # 1.0M+
    with pytest.raises(InputError, match="over the limit of 1,000,000 with --model-sentences"):
        analyse_many([DocumentInput(text)], kb=None, model_sentences=True)


@pytest.mark.slow
def test_text_over_a_million_characters_goes_through_the_rule_pipeline() -> None:
    from sanctionwatch.documents import DocumentInput, analyse_many

    text = "The UN said Russia complied with the sanctions on North Korea. " * 16_000
    assert len(text) > 1_000_000
    (an,) = analyse_many([DocumentInput(text)], kb=None)
    assert len(an.claims) == 16_000
