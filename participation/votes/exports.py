"""Downloads built from the database: aggregated results, anonymised ballots, counted fingerprints."""

from __future__ import annotations

import random
from collections.abc import Iterator

from participation.core.csv_export import csv_safe
from participation.core.i18n import _, format_decimal
from participation.core.translated import translated
from participation.extensions import db
from participation.votes import queries
from participation.votes.forms import KIND_LABELS
from participation.votes.results import question_results

FINGERPRINTS_PER_CHUNK = 2000


def aggregated_rows(consultation, lang: str) -> list[list]:
    """One row per option: counts, percentages, first preferences and Borda points; no ballots, no people."""
    questions = list(db.session.scalars(queries.questions_of(consultation.id)))
    rows = [
        [
            _("Question number"),
            _("Question"),
            _("Kind"),
            _("Option"),
            _("Votes"),
            _("Percentage"),
            _("First preferences"),
            _("Borda points"),
            _("Voters"),
        ]
    ]
    for number, result in enumerate(question_results(questions, consultation, lang), start=1):
        for option in result.options:
            rows.append(
                [
                    number,
                    csv_safe(result.prompt.as_plain()),
                    str(KIND_LABELS[result.question.kind]),
                    csv_safe(option.label.as_plain()),
                    option.count,
                    # The decimal mark of the file's language, which also chose the delimiter.
                    format_decimal(option.percent, 1),
                    option.first_preferences if result.is_ranking else "",
                    option.borda if result.is_ranking else "",
                    result.voters,
                ]
            )
    return rows


def anonymised_ballot_rows(consultation, lang: str, rng: random.Random | None = None) -> list[list]:
    """Every ballot's choices, in random order and renumbered 1..n: no ids, no people, no times.

    The order of rows would otherwise follow the order of voting, which can be matched
    with who voted when; `rng` (default: the operating system's randomness) shuffles it.
    """
    questions = list(db.session.scalars(queries.questions_of(consultation.id)))
    numbers = {q.id: n for n, q in enumerate(questions, start=1)}
    labels = {o.id: translated(o.label, lang).as_plain() for q in questions for o in q.options}
    ballots: dict[int, list] = {}
    for ballot_id, question_id, option_id, rank in db.session.execute(queries.anonymised_choices(consultation.id)):
        ballots.setdefault(ballot_id, [question_id, []])[1].append((option_id, rank))
    shuffled = list(ballots.values())
    (rng or random.SystemRandom()).shuffle(shuffled)
    rows = [[_("Ballot"), _("Question number"), _("Option"), _("Rank")]]
    for number, (question_id, choices) in enumerate(shuffled, start=1):
        for option_id, rank in choices:
            rows.append([number, numbers[question_id], csv_safe(labels.get(option_id, "")), rank or ""])
    return rows


def fingerprint_lines(consultation_id: int) -> Iterator[str]:
    """The counted fingerprints, sorted, one per line, read in chunks: memory stays the same for any count."""
    stmt = queries.fingerprints_of(consultation_id).execution_options(yield_per=FINGERPRINTS_PER_CHUNK)
    for chunk in db.session.execute(stmt).scalars().partitions():
        yield "".join(f"{fp}\n" for fp in chunk)
