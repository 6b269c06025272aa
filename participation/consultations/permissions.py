"""Who may see and run a consultation."""

from __future__ import annotations

from participation.core.permissions import Role, has_role


def can_create_consultation(user) -> bool:
    return has_role(user, Role.ORGANISER)


def can_manage_consultation(user, consultation) -> bool:
    """Administrators, and organisers assigned to this consultation."""
    if has_role(user, Role.ADMIN):
        return True
    if not has_role(user, Role.ORGANISER):
        return False
    return any(organiser.id == user.id for organiser in consultation.organisers)


def can_view_consultation(user, consultation) -> bool:
    """Published consultations are public; drafts only for their organisers and admins."""
    return consultation.is_public() or can_manage_consultation(user, consultation)
