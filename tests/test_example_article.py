"""The article the project started from must come out exactly right, end to end."""

from __future__ import annotations

from geomap.gazetteer import distance_km


def test_every_mention_found_and_within_tolerance(gp, example):
    text, gold = example
    found = {(m.start, m.end): m for m in gp.parse(text)}
    problems = []
    for g in gold:
        m = found.get((g["start"], g["end"]))
        if m is None:
            problems.append(f"missed {g['text']!r} at {g['start']}")
            continue
        assert m.text == text[m.start:m.end] == g["text"]
        if m.lat is None:
            problems.append(f"{g['text']!r} at {g['start']} unresolved")
            continue
        err = distance_km(m.lat, m.lon, g["lat"], g["lon"])
        if err > g["tol_km"]:
            problems.append(f"{g['text']!r} at {g['start']} -> {m.name} ({m.kind}), {err:.0f} km > {g['tol_km']}")
        if m.country_code != g["country"]:
            problems.append(f"{g['text']!r} at {g['start']} in {m.country_code}, not {g['country']}")
    assert not problems, "\n".join(problems)


def test_no_false_places(gp, example):
    text, gold = example
    spans = {(g["start"], g["end"]) for g in gold}
    extra = [(m.text, m.start) for m in gp.parse(text) if (m.start, m.end) not in spans]
    assert extra == []


def test_kinds_and_ids(gp, example):
    text, gold = example
    by_span = {(m.start, m.end): m for m in gp.parse(text)}
    for g in gold:
        m = by_span[(g["start"], g["end"])]
        if g["kind"] in ("district", "country"):
            assert m.kind == g["kind"], (g["text"], m.kind)
    solomyansky = by_span[(418, 438)]
    assert solomyansky.geonameid == 687055  # GeoNames' Solomianskyi Raion
    assert solomyansky.alternatives, "next-best candidates are reported"
    assert "two residential blocks catching fire" in solomyansky.excerpt
    assert 0 < solomyansky.confidence <= 1


def test_resolve_given_spans(gp, example):
    text, gold = example
    spans = [(g["start"], g["end"]) for g in gold]
    out = gp.resolve(text, spans)
    assert [(m.start, m.end) for m in out] == spans
    for g, m in zip(gold, out, strict=True):
        assert distance_km(m.lat, m.lon, g["lat"], g["lon"]) <= g["tol_km"], g["text"]
