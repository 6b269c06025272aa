"""Who may run, moderate and see the opinion map of a consultation.

The map shows groups and shared ground, never a person: it is public as soon as it exists
(like Polis), for whoever may see the consultation.
"""

from __future__ import annotations

from participation.consultations.permissions import can_manage_consultation, can_view_consultation
from participation.core.permissions import Role, has_role


def can_manage_statements(user, consultation) -> bool:
    return can_manage_consultation(user, consultation)


def can_moderate_statements(user) -> bool:
    return has_role(user, Role.MODERATOR)


def can_see_map(user, consultation) -> bool:
    return can_view_consultation(user, consultation)
