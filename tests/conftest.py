"""Shared fixtures: one real Geoparser per session, and the shared data beside the project."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "kyiv_missile_strikes.txt"
EXAMPLE_GOLD = SHARED / "examples" / "kyiv_missile_strikes.expected.json"
GEOVIRUS = SHARED / "corpora" / "geovirus" / "GeoVirus.xml"


def shared_file(path: Path) -> Path:
    """A file from ../shared/: skipped with a reason where it is absent, never in CI."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with shared/ beside the project")
        pytest.skip(f"{path} is absent (shared/ is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def gp():
    from geomap import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def gazetteer():
    from geomap.recognize import shared_gazetteer

    return shared_gazetteer()


@pytest.fixture(scope="session")
def example() -> tuple[str, list[dict]]:
    text = shared_file(EXAMPLE).read_text(encoding="utf-8")
    gold = json.loads(shared_file(EXAMPLE_GOLD).read_text(encoding="utf-8"))["mentions"]
    return text, gold
