"""Who may see results, export ballots and run the questions of a consultation.

While voting is open, nobody (not even an organiser or administrator) sees counts the public
does not see, and nobody downloads ballots: comparing two downloads, or two counts, taken
before and after a known resident voted would reveal how that resident voted. When the
organisers choose to show results while open, everyone sees the same live counts.
"""

from __future__ import annotations

from participation.consultations.permissions import can_manage_consultation, can_view_consultation


def results_public(consultation) -> bool:
    """Results are public once voting closed, or while open when the organisers chose so."""
    if not consultation.is_public():
        return False
    return consultation.has_closed() or (consultation.results_visible_while_open and consultation.is_open())


def can_see_results(user, consultation) -> bool:
    """Results are shown to whoever may see the consultation, once they are public; to nobody before."""
    return can_view_consultation(user, consultation) and results_public(consultation)


def can_export_ballots(user, consultation) -> bool:
    """Anonymised ballots: only the consultation's organisers and administrators (once voting closed)."""
    return can_manage_consultation(user, consultation)


def ballots_exportable(consultation) -> bool:
    """The ballots stop changing when voting closes; only then can they be exported."""
    return consultation.is_public() and consultation.has_closed()


def can_manage_questions(user, consultation) -> bool:
    return can_manage_consultation(user, consultation)
