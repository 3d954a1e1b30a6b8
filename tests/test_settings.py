"""The app's settings come from the environment in one place; what it does not name gets its default."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics import ssb
from ui.settings import from_environment

ROOT = Path("/srv/app")


def test_an_empty_environment_gives_the_defaults_beside_the_app():
    settings = from_environment({}, ROOT)
    assert settings.data_dir == ROOT / "data"
    assert settings.state_dir == ROOT / "var"
    assert settings.example_data is False
    assert settings.database_url is None
    assert settings.ssb_base_url == ssb.BASE_URL
    assert settings.ssb_timeout == float(ssb.TIMEOUT)


@pytest.mark.parametrize(
    ("name", "value", "field", "expected"),
    [
        ("DASHBOARD_DATA_DIR", "/d", "data_dir", Path("/d")),
        ("DASHBOARD_STATE_DIR", "/s", "state_dir", Path("/s")),
        ("DASHBOARD_DEMO", "ja", "example_data", True),
        ("DASHBOARD_DEMO", "0", "example_data", False),
        ("DATABASE_URL", "postgresql://db/x", "database_url", "postgresql://db/x"),
        ("DATABASE_URL", "", "database_url", None),
        ("SSB_API_URL", "http://127.0.0.1:9/api", "ssb_base_url", "http://127.0.0.1:9/api"),
        ("SSB_TIMEOUT", "5", "ssb_timeout", 5.0),
    ],
)
def test_each_variable_sets_its_setting(name, value, field, expected):
    assert getattr(from_environment({name: value}, ROOT), field) == expected
