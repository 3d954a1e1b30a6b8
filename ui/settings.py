"""The app's configuration: the one module that reads the environment; everything else gets a Settings passed in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from analytics import demo, ssb

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Where the data is read from and the state written to, demo mode, the database and SSB's address."""

    data_dir: Path
    state_dir: Path
    example_data: bool
    database_url: str | None  # $DATABASE_URL; secrets.toml's [database] url comes first (ui/editing.py)
    ssb_base_url: str
    ssb_timeout: float


def from_environment(environ: Mapping[str, str], root: Path = ROOT) -> Settings:
    """The settings an environment asks for; what it does not name gets the default beside app.py (`root`)."""
    return Settings(
        data_dir=Path(environ.get("DASHBOARD_DATA_DIR") or root / "data"),
        state_dir=Path(environ.get("DASHBOARD_STATE_DIR") or root / "var"),
        example_data=demo.is_demo(environ),
        database_url=environ.get("DATABASE_URL") or None,
        ssb_base_url=environ.get("SSB_API_URL") or ssb.BASE_URL,
        ssb_timeout=float(environ.get("SSB_TIMEOUT") or ssb.TIMEOUT),
    )


def current() -> Settings:
    """The settings of this server process."""
    return from_environment(os.environ)
