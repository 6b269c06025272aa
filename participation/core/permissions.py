"""Roles and the server-side permission gate used by every view."""

from __future__ import annotations

from enum import StrEnum
from functools import wraps

from flask import abort
from flask_login import current_user

from participation.extensions import login_manager


class Role(StrEnum):
    RESIDENT = "resident"
    ORGANISER = "organiser"
    MODERATOR = "moderator"
    ADMIN = "admin"


STAFF_ROLES = frozenset({Role.ORGANISER, Role.MODERATOR, Role.ADMIN})


def has_role(user, *roles: Role) -> bool:
    """True when the user is signed in, active and holds one of the roles (admins hold all)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.role == Role.ADMIN or user.role in roles


def is_admin(user) -> bool:
    return has_role(user, Role.ADMIN)


def require(allowed: bool, status: int = 403) -> None:
    """Stop the request unless the permission check passed."""
    if not allowed:
        abort(status)


def role_required(*roles: Role):
    """Decorator: the current user must hold one of the roles (else 401 via login, or 403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            require(has_role(current_user, *roles))
            return view(*args, **kwargs)

        return wrapper

    return decorator


def gate_blueprint(blueprint, *roles: Role) -> None:
    """Fail closed: every route of a back-office blueprint needs one of the roles.

    The blueprint is marked `back_office`: staff need two-factor log-in there when the site
    requires it (participation.accounts.two_factor_views).
    """
    blueprint.back_office = True

    @blueprint.before_request
    def _gate():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        require(has_role(current_user, *roles))
        return None
