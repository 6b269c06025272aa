"""Password hashing (argon2id via argon2-cffi) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from participation.core.i18n import _

MIN_LENGTH = 12
MAX_LENGTH = 256

# Words that make a password guessable here: the city and this site's own names,
# and the most common passwords of a dozen characters or more.
CONTEXT_WORDS = ("stadgent", "gent", "ghent", "gand", "participatie", "participation", "welkom")
COMMON_PASSWORDS = frozenset(
    {
        "password1234", "password12345", "password123456", "123456789012", "1234567890123",
        "qwertyuiop12", "qwertyuiop123", "iloveyou1234", "wachtwoord12", "wachtwoord123",
        "wachtwoord1234", "motdepasse12", "motdepasse123", "azertyuiop12", "azertyuiop123",
        "aaaaaaaaaaaa", "111111111111", "abcdefghijkl", "abc123abc123", "letmein12345",
        "welcome12345", "changeme1234", "administrator", "passwordpassword",
    }
)


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["PASSWORD_HASH_TIME_COST"], memory_cost=config["PASSWORD_HASH_MEMORY_COST"]
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def burn_hash_time() -> None:
    """Spend the time of a verification so unknown e-mails answer as slowly as known ones."""
    verify_password(_dummy_hash(), "not the password")


_DUMMY: dict[str, str] = {}


def _dummy_hash() -> str:
    key = f"{current_app.config['PASSWORD_HASH_TIME_COST']}:{current_app.config['PASSWORD_HASH_MEMORY_COST']}"
    if key not in _DUMMY:
        _DUMMY[key] = hash_password("dummy password for timing")
    return _DUMMY[key]


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """Return why a new password is not acceptable, or None. No composition rules."""
    if len(password) < MIN_LENGTH:
        return _("Use at least %(min)d characters.", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Use at most %(max)d characters.", max=MAX_LENGTH)
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 3:
        return _("This password is too common. Choose something harder to guess.")
    leftover = lowered
    for word in (*CONTEXT_WORDS, email.split("@")[0].lower(), name.lower()):
        if len(word) >= 3:
            leftover = leftover.replace(word, "")
    if len(leftover.strip("0123456789!?.-_ ")) < 4:
        return _("This password is too easy to guess from your name or this site.")
    return None
