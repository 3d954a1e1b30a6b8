"""Local editor accounts: salted PBKDF2 hashes, constant-time comparison, malformed hashes never match."""

import pytest

from analytics import auth

HASH = auth.hash_password("riktig passord", iterations=1000)
ACCOUNTS = {"kari": {"name": "Kari Nordmann", "password_hash": HASH}, "ola": {"password_hash": "tull"}}


def test_the_same_password_gets_a_new_salt_each_time():
    assert auth.hash_password("x", iterations=1000) != auth.hash_password("x", iterations=1000)
    assert HASH.startswith("pbkdf2_sha256$1000$")


@pytest.mark.parametrize(
    "username, password, expected",
    [
        ("kari", "riktig passord", "Kari Nordmann"),
        ("kari", "feil passord", None),
        ("kari", "", None),
        ("KARI", "riktig passord", None),
        ("ola", "tull", None),  # a malformed hash never matches
        ("per", "riktig passord", None),
        ("", "", None),
    ],
)
def test_editor(username, password, expected):
    assert auth.editor(ACCOUNTS, username, password) == expected
