"""Password hashing (argon2id via argon2-cffi) and the password policy.

The policy (OWASP ASVS 6.2): at least 12 and at most 256 characters, any Unicode,
never truncated or case-folded, no composition rules; and hard to guess, as zxcvbn
estimates it (score 3 or more: at least 10^8 guesses) knowing the person's name,
e-mail address and this site's own words.
"""

from __future__ import annotations

import re
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from zxcvbn import zxcvbn

from participation.core.i18n import _

MIN_LENGTH = 12
MAX_LENGTH = 256
MIN_SCORE = 3
# zxcvbn's time grows fast with the length (seconds for 256 characters): longer passwords
# are judged by pieces of this size, and one piece strong enough makes the whole strong enough.
STRENGTH_PIECE = 64

# Words that make a password guessable here: the city, this site and its own language.
CONTEXT_WORDS = (
    "gent",
    "ghent",
    "gand",
    "stadgent",
    "stad",
    "city",
    "ville",
    "participatie",
    "participation",
    "inspraak",
    "inwoner",
    "burger",
    "welkom",
    "wachtwoord",
    "platform",
)

# zxcvbn keeps the personal words of a call in a module-level dictionary: one call at a time.
_ZXCVBN_LOCK = threading.Lock()


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(time_cost=config["PASSWORD_HASH_TIME_COST"], memory_cost=config["PASSWORD_HASH_MEMORY_COST"])


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


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other parameters than today's (it is redone at log-in)."""
    try:
        return _hasher().check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True


def personal_words(email: str = "", name: str = "") -> list[str]:
    """What an attacker who targets this person tries first: their name and address, in pieces."""
    email, name = (email or "").strip().lower(), (name or "").strip().lower()
    local, _at, domain = email.partition("@")
    words = [email, local, *re.split(r"[._+\-]+", local), domain, *domain.split(".")]
    parts = name.split()[:8]
    # "Lotte Van Damme" also as "vandamme" and "lottevandamme": names are typed without spaces.
    words += [name, *("".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1))]
    return [word for word in dict.fromkeys(words) if word]


def _estimate(password: str, words: list[str]) -> dict:
    with _ZXCVBN_LOCK:
        return zxcvbn(password, user_inputs=words, max_length=STRENGTH_PIECE)


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """Return why a new password is not acceptable, or None. No composition rules."""
    if len(password) < MIN_LENGTH:
        return _("Use at least %(min)d characters.", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Use at most %(max)d characters.", max=MAX_LENGTH)
    words = [*CONTEXT_WORDS, *personal_words(email, name)]
    first = None
    for start in range(0, len(password), STRENGTH_PIECE):
        estimate = _estimate(password[start : start + STRENGTH_PIECE], words)
        if estimate["score"] >= MIN_SCORE:
            return None
        first = first or estimate
    return _weakness_message(list(first["sequence"]))


def _weakness_message(sequence: list[dict]) -> str:
    """zxcvbn's own advice is English only: say in our words what made the password weak."""
    dictionaries = set()
    while sequence:
        match = sequence.pop()
        dictionaries.add(match.get("dictionary_name"))
        sequence.extend(match.get("base_matches") or ())  # the word a repeat repeats
    if "user_inputs" in dictionaries:
        return _("This password is too easy to guess from your name, your e-mail address or this site.")
    if "passwords" in dictionaries:
        return _("This password is too common. Choose something harder to guess.")
    return _("This password is too easy to guess. A few unusual words, or a short sentence of your own, work well.")
