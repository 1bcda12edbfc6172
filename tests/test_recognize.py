"""Recognition: what counts as a place mention and where its span starts and ends."""

from __future__ import annotations

import pytest


def _spans(gp, text):
    return [(m.text, m.start, m.end) for m in gp.parse(text)]


def test_demonyms_and_ordinary_words_are_not_places(gp):
    text = "Russian and Ukrainian officials met. Power was cut. However, Amidst the chaos, Mayor Smith spoke."
    assert _spans(gp, text) == []


def test_possessive_and_article_are_left_out(gp):
    text = "Kyiv’s residents sheltered while the Netherlands sent aid to Odessa's port."
    texts = [t for t, _, _ in _spans(gp, text)]
    assert "Kyiv" in texts and "Netherlands" in texts and "Odessa" in texts


@pytest.mark.parametrize("variant", ["Solomyansky", "Solomianskyi", "Solom'yanskyi"])
def test_transliteration_variants_of_a_district(gp, variant):
    text = f"A fire broke out in the {variant} district of Kyiv on Tuesday."
    ms = gp.parse(text)
    district = next(m for m in ms if m.text.startswith(variant))
    assert district.text == f"{variant} district"
    assert district.kind == "district" and district.country_code == "UA"


def test_kind_word_kept_only_where_the_name_needs_it(gp):
    ms = gp.parse("Cases rose in Hubei province and in the Solomyansky district.")
    assert [m.text for m in ms] == ["Hubei", "Solomyansky district"]


def test_names_the_statistical_model_misses(gp):
    text = "Russian shelling killed two people in the southern regions of Odesa and Kherson."
    ms = {m.text: m for m in gp.parse(text)}
    assert set(ms) == {"Odesa", "Kherson"}
    assert ms["Kherson"].kind == "region"


def test_organisations_and_people_are_not_places(gp):
    text = "Paris Hilton visited the University of Texas, and George Washington was quoted."
    names = [m.text for m in gp.parse(text)]
    assert "Paris" not in names and "Washington" not in names
