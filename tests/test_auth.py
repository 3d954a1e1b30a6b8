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


def _pbkdf2_calls(monkeypatch) -> list[int]:
    calls = []
    real = auth.hashlib.pbkdf2_hmac

    def counting(name, password, salt, iterations, *args):
        calls.append(iterations)
        return real(name, password, salt, iterations, *args)

    monkeypatch.setattr(auth.hashlib, "pbkdf2_hmac", counting)
    return calls


@pytest.mark.parametrize("username", ["kari", "per", "ola", "", "  "])
def test_every_answer_costs_one_full_hash_whether_or_not_the_username_exists(monkeypatch, username):
    auth._dummy_hash(1000)  # made once per server, not per attempt
    calls = _pbkdf2_calls(monkeypatch)
    assert auth.editor(ACCOUNTS, username, "feil passord") is None
    assert calls == [1000]  # the same work as a wrong password for a real account


def _attempt(throttles, username, password, now, client="10.0.0.1"):
    return auth.sign_in(throttles, ACCOUNTS, username, password, client, now)


def test_wrong_passwords_make_the_username_wait_longer_and_longer_then_lock_it_out():
    throttles = auth.Throttles()
    limits = auth.USERNAME_LIMITS
    now = 1000.0
    waits = []
    for _ in range(limits.lock_after):
        attempt = _attempt(throttles, "kari", "feil", now)
        assert attempt.editor is None and attempt.wait == 0  # each wrong password is checked once allowed ...
        waits.append(throttles.usernames.wait("kari", now))
        now += waits[-1]  # ... after waiting exactly as long as told
    assert waits[: limits.free - 1] == [0] * (limits.free - 1)
    assert waits[limits.free - 1 : -1] == [1, 2, 4, 8, 16, 32, 60]
    assert waits[-1] == limits.lockout
    now -= limits.lockout  # the moment of the last failure
    locked = _attempt(throttles, "kari", "riktig passord", now + 60, client="10.0.0.2")
    assert locked.editor is None and locked.locked and locked.wait == pytest.approx(limits.lockout - 60)
    assert _attempt(throttles, "kari", "riktig passord", now + limits.lockout).editor == "Kari Nordmann"


def test_a_throttled_attempt_does_no_hashing_and_the_right_password_does_not_get_through(monkeypatch):
    throttles = auth.Throttles()
    for second in range(auth.USERNAME_LIMITS.free):
        _attempt(throttles, "kari", "feil", 1000.0 + second)
    calls = _pbkdf2_calls(monkeypatch)
    refused = _attempt(throttles, "KARI ", "riktig passord", 1002.5)  # the same username, however it is written
    assert refused.editor is None and refused.wait == pytest.approx(0.5) and not refused.locked
    assert calls == []
    assert _attempt(throttles, "kari", "riktig passord", 1003.0).editor == "Kari Nordmann"
    assert throttles.usernames.wait("kari", 1003.0) == 0  # a success forgets the failures


def test_one_client_trying_many_usernames_is_throttled_too():
    throttles = auth.Throttles()
    for number in range(auth.CLIENT_LIMITS.free):
        assert _attempt(throttles, f"bruker{number}", "feil", 1000.0).wait == 0
    refused = _attempt(throttles, "kari", "riktig passord", 1000.0)
    assert refused.editor is None and refused.wait > 0
    assert _attempt(throttles, "kari", "riktig passord", 1000.0, client="10.0.0.9").editor == "Kari Nordmann"


def test_the_throttle_forgets_old_failures_and_bounds_its_memory():
    throttle = auth.Throttle(auth.Limits(free=1, lock_after=3, lockout=100, max_keys=50))
    throttle.failed("kari", 0.0)
    assert throttle.wait("kari", 0.5) == pytest.approx(0.5)
    assert throttle.wait("kari", 100.0) == 0  # a quiet spell as long as the lock-out
    for number in range(200):
        throttle.failed(f"bruker{number}", 200.0)
    assert len(throttle._keys) == 50
    assert throttle.wait("bruker199", 200.0) > 0


@pytest.mark.parametrize(
    "password, problem",
    [("", "tomt"), ("   ", "tomt"), ("kort", "for kort"), ("elleve tegn", "for kort"), ("tolv tegn ok", None)],
)
def test_the_hash_tool_refuses_empty_and_short_passwords(capsys, password, problem):
    answers = iter([password, password])
    code = auth.main(lambda _prompt: next(answers))
    out, err = capsys.readouterr()
    if problem:
        assert code == 1 and problem in err and out == ""
    else:
        assert code == 0 and auth.verify(password, out.strip())
