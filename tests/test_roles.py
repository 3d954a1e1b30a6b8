"""Roles: a local account names its role, an OIDC user gets theirs from [roles]; anything else is a reporter."""

import pytest

from analytics import auth

ACCOUNTS = {
    "kari": {"name": "Kari", "password_hash": "x", "role": "planeier"},
    "ola": {"name": "Ola", "password_hash": "x", "role": "rapportør"},
    "per": {"name": "Per", "password_hash": "x"},
    "eva": {"name": "Eva", "password_hash": "x", "role": "sjef"},
}


@pytest.mark.parametrize(
    ("username", "role"),
    [("kari", "planeier"), (" kari ", "planeier"), ("ola", "rapportør"), ("per", "rapportør"), ("eva", "rapportør")],
)
def test_a_local_account_names_its_role_and_defaults_to_reporter(username, role):
    assert auth.account_role(ACCOUNTS, username) == role


@pytest.mark.parametrize(
    ("email", "role"),
    [
        ("kari@kommune.no", "planeier"),
        ("Kari@Kommune.NO", "planeier"),
        ("ola@kommune.no", "rapportør"),
        ("ukjent@kommune.no", "rapportør"),
        ("", "rapportør"),
    ],
)
def test_an_oidc_user_gets_the_role_mapped_to_their_email(email, role):
    roles = {"kari@kommune.no": "planeier", "ola@kommune.no": "rapportør"}
    assert auth.mapped_role(roles, email) == role
