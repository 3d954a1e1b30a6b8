"""Who may write status reports: local editor accounts with salted password hashes (PBKDF2-SHA256).

Accounts live in .streamlit/secrets.toml (never in git):

    [editors.kari]
    name = "Kari Nordmann"
    password_hash = "pbkdf2_sha256$600000$<salt>$<hash>"

Make a hash with:  python -m analytics.auth  (refuses passwords shorter than MIN_PASSWORD_LENGTH)

Sign-in is throttled per username and per client (see Throttle): a few free attempts, then a growing wait, then a
lock-out; a refused attempt costs no hashing. An unknown username costs the same hashing as a known one (a dummy
hash is verified), so the answer's timing does not tell whether a username exists.

Roles: a reporter («rapportør», the default) may report status; a plan owner («planeier») may also change the
handlingsplan. A local account names its role (`role = "planeier"`); OIDC users get theirs from [roles] in
secrets.toml, by e-mail address (`"kari@kommune.no" = "planeier"`).
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import hmac
import math
import secrets
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from analytics.i18n import t

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
MIN_PASSWORD_LENGTH = 12


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
    """The editor's display name when the username and password match an account, else None; always one full
    hash verification, whether or not the username exists."""
    account = accounts.get(username.strip()) if username else None
    stored = str(account.get("password_hash", "")) if isinstance(account, Mapping) else ""
    if not _well_formed(stored):
        verify(password, _dummy_hash(_iterations_in_use(accounts)))  # the same work as a real account; ignored
        return None
    if not verify(password, stored):
        return None
    return str(account.get("name") or username)


def _well_formed(stored: str) -> bool:
    parts = stored.split("$")
    return len(parts) == 4 and parts[0] == ALGORITHM and parts[1].isdigit() and _is_hex(parts[2])


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return bool(text)


def _iterations_in_use(accounts: Mapping) -> int:
    """The iterations of the configured accounts' hashes (the first well-formed one), so a dummy costs the same."""
    for account in accounts.values():
        stored = str(account.get("password_hash", "")) if isinstance(account, Mapping) else ""
        if _well_formed(stored):
            return int(stored.split("$")[1])
    return ITERATIONS


@functools.cache
def _dummy_hash(iterations: int) -> str:
    return hash_password(secrets.token_hex(16), iterations=iterations)


@dataclass(frozen=True)
class Limits:
    """How many failed attempts are free, when the wait starts growing, and when a key is locked out."""

    free: int
    lock_after: int
    first_wait: float = 1.0  # seconds, doubled with each further failure
    max_wait: float = 60.0
    lockout: float = 15 * 60.0  # seconds; also how long failures are remembered
    max_keys: int = 10_000  # memory bound: the oldest keys are forgotten first


USERNAME_LIMITS = Limits(free=3, lock_after=10)
CLIENT_LIMITS = Limits(free=10, lock_after=30)  # higher: several editors may share one address (a proxy, an office)


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class Throttle:
    """Failed sign-ins per key (a username or a client), in this server's memory; `now` is seconds (time.time())."""

    limits: Limits
    _keys: dict[str, _Failures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, key: str, now: float) -> float:
        """Seconds until `key` may try again; 0 when it may try now."""
        with self._lock:
            failures = self._current(key, now)
            if failures is None or failures.count < self.limits.free:
                return 0.0
            if failures.count >= self.limits.lock_after:
                pause = self.limits.lockout
            else:
                pause = min(self.limits.first_wait * 2 ** (failures.count - self.limits.free), self.limits.max_wait)
            return max(0.0, failures.last + pause - now)

    def locked(self, key: str, now: float) -> bool:
        with self._lock:
            failures = self._current(key, now)
            return failures is not None and failures.count >= self.limits.lock_after

    def failed(self, key: str, now: float) -> None:
        with self._lock:
            failures = self._current(key, now) or _Failures()
            self._keys.pop(key, None)
            self._keys[key] = _Failures(failures.count + 1, now)  # re-inserted: the dict stays oldest first
            while len(self._keys) > self.limits.max_keys:
                del self._keys[next(iter(self._keys))]

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._keys.pop(key, None)

    def _current(self, key: str, now: float) -> _Failures | None:
        failures = self._keys.get(key)
        if failures is not None and now - failures.last >= self.limits.lockout:
            del self._keys[key]  # forgotten after a quiet spell
            return None
        return failures


@dataclass
class Throttles:
    """One throttle per username and one per client, shared by every session of a server."""

    usernames: Throttle = field(default_factory=lambda: Throttle(USERNAME_LIMITS))
    clients: Throttle = field(default_factory=lambda: Throttle(CLIENT_LIMITS))

    def pairs(self, username: str, client: str) -> Iterable[tuple[Throttle, str]]:
        return ((self.usernames, username.strip().casefold()), (self.clients, client))


@dataclass(frozen=True)
class Attempt:
    """The outcome of one sign-in: the editor's name, or why not (wrong password, or wait `wait` seconds)."""

    editor: str | None
    wait: float = 0.0
    locked: bool = False


def sign_in(throttles: Throttles, accounts: Mapping, username: str, password: str, client: str, now: float) -> Attempt:
    """Check a sign-in against the accounts unless the username or the client must wait; a refused attempt does
    no hashing and counts as nothing."""
    pairs = list(throttles.pairs(username or "", client or ""))
    wait = max(throttle.wait(key, now) for throttle, key in pairs)
    if wait > 0:
        return Attempt(None, wait, any(throttle.locked(key, now) for throttle, key in pairs))
    name = editor(accounts, username, password)
    for throttle, key in pairs:
        if name:
            throttle.succeeded(key)
        else:
            throttle.failed(key, now)
    return Attempt(name)


def refusal(attempt: Attempt, lang: str) -> str:
    """What a refused sign-in says: locked out (minutes), wait (seconds), or wrong username or password."""
    if attempt.locked:
        return t("measures.locked_out", lang, minutes=math.ceil(attempt.wait / 60))
    if attempt.wait:
        return t("measures.wait_to_sign_in", lang, seconds=math.ceil(attempt.wait))
    return t("measures.wrong_password", lang)


def password_problem(password: str) -> str | None:
    """Why a new password is refused (a Norwegian sentence), or None when it is long enough."""
    if not password.strip():
        return "Passordet er tomt."
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Passordet er for kort: minst {MIN_PASSWORD_LENGTH} tegn (det har {len(password)})."
    return None


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


def main(ask: Callable[[str], str] = getpass.getpass) -> int:
    password = ask("Passord: ")
    problem = password_problem(password)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if password != ask("Gjenta: "):
        print("Passordene er ulike.", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
