"""The five points of an agree-disagree statement, stored with a label per language."""

from __future__ import annotations

from flask import current_app

from participation.core.i18n import _, force_locale

SCALE_KEYS = ("strongly_agree", "agree", "neutral", "disagree", "strongly_disagree")


def _label(key: str) -> str:
    return {
        "strongly_agree": _("Strongly agree"),
        "agree": _("Agree"),
        "neutral": _("Neither agree nor disagree"),
        "disagree": _("Disagree"),
        "strongly_disagree": _("Strongly disagree"),
    }[key]


def scale_labels() -> list[dict[str, str]]:
    """The five labels, each translated into every offered language (a TranslatedText value)."""
    labels = []
    for key in SCALE_KEYS:
        value = {}
        for lang in current_app.config["LANGUAGES"]:
            with force_locale(lang):
                value[lang] = _label(key)
        labels.append(value)
    return labels
