"""Shared fixtures: one real Geoparser per session, and the shared data beside the project."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
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


@pytest.fixture(autouse=True)
def _own_database(tmp_path, monkeypatch):
    """No test ever writes to the user's own database: the default store is a file of this test's."""
    monkeypatch.setenv("GEOMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's AppTest installs the app as sys.modules['__main__'] and leaves it there; a process
    spawned later would then run the whole app before its task. Put pytest's own back after each test."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


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


# --- databases for the store: an SQLite file, and a real PostgreSQL server started for the session ----------

PG_ROOT = Path("/usr/lib/postgresql")  # Debian's postgresql package: /usr/lib/postgresql/<version>/bin


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster on a free loopback port, as user `postgres` when run as root.

    Skipped with a reason where PostgreSQL is not installed, never in CI (.ci/run installs it).
    """
    initdb = sorted(PG_ROOT.glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not initdb:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is missing: CI must install Debian's postgresql (.ci/run does)")
        pytest.skip("PostgreSQL is absent: `apt-get install -y postgresql` to run the store tests on it")
    bindir = initdb[-1].parent
    root = Path(tempfile.mkdtemp(prefix="geomap-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        owner = pwd.getpwnam("postgres")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    subprocess.run([*run_as, bindir / "initdb", "-D", data, "-U", "geomap", "--auth=trust", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*run_as, bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://geomap@127.0.0.1:{port}"
    finally:
        subprocess.run([*run_as, bindir / "pg_ctl", "-D", data, "-w", "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_server}/{name}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store test on both backends: an SQLite file and a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'geomap.sqlite'}"
    return request.getfixturevalue("postgres_url")
