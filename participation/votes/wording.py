"""When is a new wording only a correction? The rule for questions that people have voted on.

Once ballots exist, the text people answered may only get small corrections, so that no
ballot comes to answer another question. Per language, ignoring case and extra spaces:

1. the text keeps its number of words, and each word changes by at most one letter (a letter
   added, removed or replaced, or two neighbouring letters swapped): typos, not new words;
2. the text as a whole stays at least 80% the same (difflib's ratio), so that short texts such
   as "Ja" cannot become "Na";
3. an option's new wording is never closer to another option's old wording than to its own:
   options cannot change places (swapping "Option A" and "Option B" passes 1 and 2);
4. an existing translation cannot be removed; a missing translation may be added.

The rule is applied against the current wording and against the wording people saw when
voting started, so a chain of small corrections cannot add up to a new question. No rule on
letters catches every change of meaning ("now" → "not", "Port" → "Sport"): every correction
is kept in the audit log with the old texts, and the question shows that it was corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_RATIO = 0.8
MAX_LETTERS_PER_WORD = 1


def normalise(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def similarity(a: str | None, b: str | None) -> float:
    """difflib's ratio of the normalised texts: 1.0 when equal, 0.0 when nothing matches."""
    return SequenceMatcher(None, normalise(a), normalise(b), autojunk=False).ratio()


def _letters_changed(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) from a to b: optimal string alignment."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def is_correction(old: str | None, new: str | None) -> bool:
    """True when `new` is `old` with small corrections only (rules 1 and 2)."""
    old_words, new_words = normalise(old).split(), normalise(new).split()
    if old_words == new_words:
        return True
    if len(old_words) != len(new_words):
        return False
    if any(_letters_changed(a, b) > MAX_LETTERS_PER_WORD for a, b in zip(old_words, new_words, strict=True)):
        return False
    return similarity(old, new) >= MIN_RATIO


@dataclass(frozen=True)
class RefusedChange:
    """What was refused: `reason` is 'removed', 'changed' or 'moved'; positions count from 1."""

    reason: str
    lang: str
    old: str
    new: str
    position: int | None = None
    other_position: int | None = None


def text_change(old: dict | None, new: dict | None) -> RefusedChange | None:
    """The first language whose text changed more than a correction, if any."""
    new = new or {}
    for lang, old_text in (old or {}).items():
        if not (old_text or "").strip():
            continue
        new_text = new.get(lang) or ""
        if not new_text.strip():
            return RefusedChange("removed", lang, old_text, new_text)
        if not is_correction(old_text, new_text):
            return RefusedChange("changed", lang, old_text, new_text)
    return None


def option_change(old_labels: list[dict], new_labels: list[dict]) -> RefusedChange | None:
    """The first option (per language) that moved, lost its translation or changed too much."""
    languages = dict.fromkeys(lang for label in old_labels for lang, value in (label or {}).items() if value)
    for lang in languages:
        old = [(label or {}).get(lang) or "" for label in old_labels]
        new = [(label or {}).get(lang) or "" for label in new_labels]
        for i, new_text in enumerate(new):
            if not new_text.strip() or not old[i].strip():
                continue
            own = similarity(new_text, old[i])
            for j, other in enumerate(old):
                if j != i and other.strip() and similarity(new_text, other) > own:
                    return RefusedChange("moved", lang, old[i], new_text, i + 1, j + 1)
        # Options cannot be added or removed once voting started (services checks): same length.
        for i, (old_text, new_text) in enumerate(zip(old, new, strict=True)):
            if not old_text.strip():
                continue
            if not new_text.strip():
                return RefusedChange("removed", lang, old_text, new_text, i + 1)
            if not is_correction(old_text, new_text):
                return RefusedChange("changed", lang, old_text, new_text, i + 1)
    return None
