"""Who may frame what: the embeds by the configured origins (EMBED_ORIGINS), nothing else by anyone.

Every page's CSP says `frame-ancestors 'none'` (core/security.py, with X-Frame-Options: DENY for
old browsers); the embed pages replace it with the configured origins. An origin is checked at
start-up: it goes into a header, where a stray `;` or space would change the policy.
"""

from __future__ import annotations

import re

from participation.config import ConfigError
from participation.core.security import content_security_policy

# scheme://host[:port], the host possibly with a leading `*.` (every subdomain), as CSP allows.
_ORIGIN = re.compile(r"^https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$")


def check_origins(origins) -> tuple[str, ...]:
    origins = tuple(origins or ())
    for origin in origins:
        if not _ORIGIN.match(origin):
            raise ConfigError(
                f"EMBED_ORIGINS: {origin!r} is not an origin such as https://www.gent.be (scheme, host, "
                "optional port; no path)."
            )
    return origins


def embed_policy(origins: tuple[str, ...]) -> str:
    """The CSP of an embed page: framed by these origins only (none configured: by nobody)."""
    return content_security_policy(" ".join(origins) if origins else "'none'")
