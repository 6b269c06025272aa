"""How rate limits count: per account when signed in, else per address."""

from __future__ import annotations

from flask_limiter.util import get_remote_address
from flask_login import current_user


def actor_key() -> str:
    """A person who signs in from many addresses is still one person; visitors count per address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"
