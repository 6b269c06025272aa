"""Absolute links that leave the request: always on PUBLIC_URL, never on the request's host.

A link in a mail, a feed, a calendar file, a QR code or an export is read later, somewhere
else. Built from the request (`url_for(..., _external=True)`), it would carry whatever `Host`
or `X-Forwarded-Host` the requester sent: a forged host puts a working password-reset token
behind an attacker's domain in a resident's mailbox. So every such link is the configured
public address plus the route's path, and `_external=True` is not used anywhere (a test greps).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, request, url_for


def public_url_for(endpoint: str, **values) -> str:
    """The absolute address of `endpoint` on the configured PUBLIC_URL."""
    path = url_for(endpoint, **values)
    # url_for's path starts with the script root (an app mounted under a prefix); PUBLIC_URL
    # already names that prefix, so the path below it is what gets appended.
    if has_request_context():
        root = request.script_root
        if root and path.startswith(root + "/"):
            path = path[len(root) :]
    return current_app.config["PUBLIC_URL"] + path


def public_host(public_url: str) -> str:
    """The host name (without port) requests must name: the one in PUBLIC_URL."""
    host = urlsplit(public_url).hostname
    if not host:
        raise ValueError(f"PUBLIC_URL has no host: {public_url!r}")
    return host
