"""Who may write status reports: local editor accounts with salted password hashes (PBKDF2-SHA256).

Accounts live in .streamlit/secrets.toml (never in git):

    [editors.kari]
    name = "Kari Nordmann"
    password_hash = "pbkdf2_sha256$600000$<salt>$<hash>"

Make a hash with:  python -m analytics.auth
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


def main() -> int:
    password = getpass.getpass("Passord: ")
    if password != getpass.getpass("Gjenta: "):
        print("Passordene er ulike.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
