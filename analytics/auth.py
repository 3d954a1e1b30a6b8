"""Who may write status reports: local editor accounts with salted password hashes (PBKDF2-SHA256).

Accounts live in .streamlit/secrets.toml (never in git):

    [editors.kari]
    name = "Kari Nordmann"
    password_hash = "pbkdf2_sha256$600000$<salt>$<hash>"

Make a hash with:  python -m analytics.auth

Roles: a reporter («rapportør», the default) may report status; a plan owner («planeier») may also change the
handlingsplan. A local account names its role (`role = "planeier"`); OIDC users get theirs from [roles] in
secrets.toml, by e-mail address (`"kari@kommune.no" = "planeier"`).
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import sys
from collections.abc import Mapping

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), iterations).hex()
    return f"{ALGORITHM}${iterations}${salt}${digest}"


def verify(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed hash never matches."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        candidate = hash_password(password, salt, int(iterations)).split("$")[3]
    except (ValueError, AttributeError):
        return False
    return hmac.compare_digest(candidate, digest)


def editor(accounts: Mapping, username: str, password: str) -> str | None:
    """The editor's display name when the username and password match an account, else None."""
    account = accounts.get(username.strip()) if username else None
    if not isinstance(account, Mapping) or not verify(password, str(account.get("password_hash", ""))):
        return None
    return str(account.get("name") or username)


REPORTER, PLAN_OWNER = "rapportør", "planeier"
ROLES = (REPORTER, PLAN_OWNER)


def role_of(entry) -> str:
    """The role an account or a [roles] entry names; anything else (or nothing) is a reporter."""
    value = entry.get("role") if isinstance(entry, Mapping) else entry
    return PLAN_OWNER if str(value or "").strip().lower() == PLAN_OWNER else REPORTER


def account_role(accounts: Mapping, username: str) -> str:
    """The role of a local account (`role = "planeier"`), a reporter by default."""
    return role_of(accounts.get(username.strip()) if username else None)


def mapped_role(roles: Mapping, email: str) -> str:
    """The role [roles] in secrets.toml gives an OIDC user's e-mail address (case-insensitive), a reporter else."""
    wanted = (email or "").strip().lower()
    return role_of(next((value for key, value in roles.items() if str(key).strip().lower() == wanted), None))


def main() -> int:
    password = getpass.getpass("Passord: ")
    if password != getpass.getpass("Gjenta: "):
        print("Passordene er ulike.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
