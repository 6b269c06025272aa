"""The counts of a consultation whose voting has closed, computed once per process.

Once voting has closed nothing can change them: no ballot can be cast, changed or
removed (a deleted account's ballots stay, unlinked), and questions only take wording
corrections, which are read fresh from their rows. So a results page of a closed
consultation with 100,000 ballots need not aggregate them again on every request.
While voting is open (live results) the counts are always computed from the ballots.

The key holds the consultation's creation and closing moments as well as its id, so a
new consultation that reuses a deleted one's id never meets the old counts.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from flask_sqlalchemy.pagination import Pagination

from participation.core.db import utcnow
from participation.votes import queries

# A few hundred closed consultations' counts: small dicts of ints.
_CACHED_CONSULTATIONS = 256
_CACHED_FINGERPRINT_PAGES = 1024


def voting_has_closed(consultation) -> bool:
    return consultation.closes_at <= utcnow()


def _key(consultation) -> tuple[int, datetime, datetime]:
    return consultation.id, consultation.created_at, consultation.closes_at


def tallies(consultation) -> tuple[dict[int, int], dict[int, tuple[int, int, int]]]:
    """(voters per question, per option tallies): see queries.voters_per_question and option_tallies."""
    if voting_has_closed(consultation):
        return _final_tallies(*_key(consultation))
    return _tallies(consultation.id)


def ballot_count(consultation) -> int:
    if voting_has_closed(consultation):
        return _final_ballot_count(*_key(consultation))
    return queries.ballot_count(consultation.id)


def fingerprint_page(consultation, offset: int, limit: int) -> tuple[str, ...]:
    if voting_has_closed(consultation):
        return _final_fingerprint_page(*_key(consultation), offset, limit)
    return queries.fingerprint_page(consultation.id, offset, limit)


def _tallies(consultation_id: int):
    return queries.voters_per_question(consultation_id), queries.option_tallies(consultation_id)


@lru_cache(maxsize=_CACHED_CONSULTATIONS)
def _final_tallies(consultation_id: int, _created_at, _closes_at):
    return _tallies(consultation_id)


@lru_cache(maxsize=_CACHED_CONSULTATIONS)
def _final_ballot_count(consultation_id: int, _created_at, _closes_at) -> int:
    return queries.ballot_count(consultation_id)


@lru_cache(maxsize=_CACHED_FINGERPRINT_PAGES)
def _final_fingerprint_page(consultation_id: int, _created_at, _closes_at, offset: int, limit: int):
    return queries.fingerprint_page(consultation_id, offset, limit)


class FingerprintPagination(Pagination):
    """A page of the consultation's fingerprints for the pagination macro (Flask-SQLAlchemy's
    documented extension point: a subclass supplies the items and the count)."""

    def __init__(self, consultation, page: int, per_page: int) -> None:
        self._consultation = consultation
        super().__init__(page=page, per_page=per_page, max_per_page=None, error_out=False)

    def _query_items(self) -> list[str]:
        return list(fingerprint_page(self._consultation, self._query_offset, self.per_page))

    def _query_count(self) -> int:
        return ballot_count(self._consultation)
