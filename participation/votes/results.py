"""Results of a consultation's questions, built from a fixed number of aggregate queries."""

from __future__ import annotations

from dataclasses import dataclass

from participation.core.translated import Translation, translated
from participation.votes import final_counts
from participation.votes.models import Question, QuestionKind


@dataclass(frozen=True)
class OptionResult:
    option_id: int
    label: Translation
    count: int
    percent: float  # share of this question's voters who chose it (first preferences for ranking)
    first_preferences: int
    borda: int
    borda_percent: float  # share of the maximum possible points, for the bar


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    prompt: Translation
    voters: int
    options: list[OptionResult]
    max_borda: int

    @property
    def is_ranking(self) -> bool:
        return self.question.kind == QuestionKind.RANKING


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def question_results(questions: list[Question], consultation, lang: str) -> list[QuestionResult]:
    """Counts, percentages, first preferences and Borda points per option (2 queries, none once
    the counts of a closed consultation are known)."""
    voters, tallies = final_counts.tallies(consultation, questions)
    results = []
    for question in questions:
        n_voters = voters.get(question.id, 0)
        n_options = len(question.options)
        max_borda = n_voters * max(n_options - 1, 0)
        options = []
        for option in question.options:
            count, first, borda = tallies.get(option.id, (0, 0, 0))
            shown = first if question.kind == QuestionKind.RANKING else count
            options.append(
                OptionResult(
                    option.id,
                    translated(option.label, lang),
                    count,
                    _percent(shown, n_voters),
                    first,
                    borda,
                    _percent(borda, max_borda),
                )
            )
        if question.kind == QuestionKind.RANKING:
            options.sort(key=lambda o: (-o.borda, -o.first_preferences))
        results.append(QuestionResult(question, translated(question.prompt, lang), n_voters, options, max_borda))
    return results
