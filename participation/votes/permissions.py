"""Who may see results, export ballots and run the questions of a consultation."""

from __future__ import annotations

from participation.consultations.permissions import can_manage_consultation, can_view_consultation


def results_public(consultation) -> bool:
    """Results are public once voting closed, or while open when the organisers chose so."""
    if not consultation.is_public():
        return False
    return consultation.has_closed() or (consultation.results_visible_while_open and consultation.is_open())


def can_see_results(user, consultation) -> bool:
    """Everyone when the results are public; the consultation's organisers and admins always."""
    if not can_view_consultation(user, consultation):
        return False
    return results_public(consultation) or can_manage_consultation(user, consultation)


def can_export_ballots(user, consultation) -> bool:
    """Anonymised ballots: only the consultation's organisers and administrators."""
    return can_manage_consultation(user, consultation)


def can_manage_questions(user, consultation) -> bool:
    return can_manage_consultation(user, consultation)
