"""How rate limits count: per account when signed in, else per address.

`client_address()` is the one place that says which address a request comes from;
every limit and throttle asks it (through `address_key()` or `actor_key()`).
"""

from __future__ import annotations

from flask import request
from flask_login import current_user


def client_address() -> str:
    """The address of the client that sent this request."""
    return request.remote_addr or "127.0.0.1"


def address_key() -> str:
    """A flask-limiter key function: count per client address."""
    return client_address()


def actor_key() -> str:
    """A person who signs in from many addresses is still one person; visitors count per address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{client_address()}"
