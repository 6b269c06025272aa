"""The rule for wording changes after people voted (participation/votes/wording.py), case by case."""

from __future__ import annotations

import pytest

from participation.votes.wording import is_correction, option_change, text_change


@pytest.mark.parametrize(
    "old, new",
    [
        ("Klimat", "Klimaat"),  # a letter added
        ("Which priority do you choose?", "Which priority do you chose?"),  # removed
        ("Which priority do you chose?", "Which priority do you choose?"),
        ("Welke prioritiet?", "Welke prioriteit?"),  # two neighbours swapped
        ("de  haven", "De haven"),  # case and spaces are not changes
        ("Cultuur", "Cultuur."),
    ],
)
def test_typo_level_changes_are_corrections(old, new):
    assert is_correction(old, new)


@pytest.mark.parametrize(
    "old, new",
    [
        ("Is de haven belangrijk?", "Is de haven niet belangrijk?"),  # a word added
        ("Is de haven belangrijk?", "Is de haven onbelangrijk?"),  # two letters in a word
        ("Do you agree?", "Do you disagree?"),
        ("Ja", "Na"),  # one letter, but the text is only half the same
        ("Haven", "Klimaat"),
        ("Voor", ""),
    ],
)
def test_changes_of_meaning_are_not_corrections(old, new):
    assert not is_correction(old, new)


def test_an_option_taking_another_options_wording_has_moved():
    old = [{"nl": "Scenario A"}, {"nl": "Scenario B"}]
    moved = option_change(old, [{"nl": "Scenario B"}, {"nl": "Scenario A"}])
    assert (moved.reason, moved.lang, moved.position, moved.other_position) == ("moved", "nl", 1, 2)
    assert option_change(old, [{"nl": "scenario a"}, {"nl": "Scenario B"}]) is None


def test_a_translation_may_be_added_but_not_removed():
    assert text_change({"nl": "Vraag"}, {"nl": "Vraag", "fr": "Question"}) is None
    removed = text_change({"nl": "Vraag", "en": "Question"}, {"nl": "Vraag"})
    assert (removed.reason, removed.lang, removed.old) == ("removed", "en", "Question")
    changed = option_change([{"nl": "Ja", "en": "Yes"}], [{"nl": "Ja"}])
    assert (changed.reason, changed.lang, changed.position) == ("removed", "en", 1)
